const MENTION = /(^|[^\w@/.-])@([a-z0-9_.-]{3,30})(?![\w-])/gi;

/** Usernames written as @name in a text (lower-cased, unique). */
export function mentionedUsernames(markdown: string): string[] {
  const names = new Set<string>();
  for (const match of markdown.matchAll(MENTION)) names.add(match[2]!.toLowerCase().replace(/\.+$/, ""));
  return [...names].filter((n) => n.length >= 3);
}

/**
 * Links @name to /u/name in sanitised HTML, for names that exist. Only text
 * outside tags is touched, and never inside <a>, <code> or <pre>; usernames
 * are [a-z0-9_.-] so the inserted markup needs no escaping.
 */
export function linkMentions(html: string, existing: Set<string>): string {
  if (existing.size === 0) return html;
  let skipDepth = 0;
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith("<")) {
        const tag = /^<\/?\s*([a-z0-9]+)/i.exec(part)?.[1]?.toLowerCase();
        if (tag === "a" || tag === "code" || tag === "pre") skipDepth += part.startsWith("</") ? -1 : 1;
        return part;
      }
      if (skipDepth > 0) return part;
      return part.replace(MENTION, (whole, before: string, name: string) => {
        const username = name.toLowerCase().replace(/\.+$/, "");
        if (!existing.has(username)) return whole;
        const trailing = name.slice(username.length);
        return `${before}<a href="/u/${username}" class="mention">@${username}</a>${trailing}`;
      });
    })
    .join("");
}
