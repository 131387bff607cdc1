/** Generated initials on one of eight colours (classes, not inline styles: the CSP forbids those). */
export function Avatar({ name, username, size = "medium" }: { name: string; username: string; size?: "small" | "medium" | "large" }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => part[0])
      .filter((c): c is string => Boolean(c) && /\p{L}|\p{N}/u.test(c!))
      .slice(0, 2)
      .join("")
      .toUpperCase() || username.slice(0, 1).toUpperCase();
  let hash = 0;
  for (const char of username) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (
    <span className={`avatar avatar--${size} avatar--c${hash % 8}`} aria-hidden="true">
      {initials}
    </span>
  );
}
