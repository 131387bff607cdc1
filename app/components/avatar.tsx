// Shown at 28, 40 and 72 CSS pixels (app.css): the next stored size up, twice that, keeps them sharp on dense screens.
const PIXELS = { small: 28, medium: 40, large: 72 } as const;
const SOURCE = { small: 96, medium: 96, large: 256 } as const;

/**
 * The member's photo when they uploaded one (README, "Uploads"), else
 * generated initials on one of eight colours (classes, not inline styles:
 * the CSP forbids those). Decorative either way: the name is always next to it.
 */
export function Avatar({
  name,
  username,
  size = "medium",
  avatarVersion,
}: {
  name: string;
  username: string;
  size?: "small" | "medium" | "large";
  /** From `members.avatar_version`, loaded with the name; absent or null: initials. */
  avatarVersion?: number | null;
}) {
  if (avatarVersion) {
    const base = `/avatars/${username}/${avatarVersion}`;
    return (
      <img
        className={`avatar avatar--${size} avatar--photo`}
        src={`${base}-${SOURCE[size]}.webp`}
        width={PIXELS[size]}
        height={PIXELS[size]}
        alt=""
        aria-hidden="true"
        loading="lazy"
      />
    );
  }
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
