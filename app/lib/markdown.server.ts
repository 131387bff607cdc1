import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * The one way user Markdown becomes HTML: marked, then an allowlist
 * sanitiser. Called at write time; the result is stored next to the raw text
 * and injected only by <UserHtml>.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
  "a", "img", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span",
];

// Headings in user text sit below the page's own h1/h2.
const DEMOTE: Record<string, string> = { h1: "h3", h2: "h4", h3: "h5", h4: "h6", h5: "h6", h6: "h6" };

// Deeper quote nesting than anyone writes would only feed marked's recursion.
const MAX_QUOTE_DEPTH = 20;
const DEEP_QUOTES = new RegExp(`^((?:[ \\t]{0,3}>[ \\t]?){${MAX_QUOTE_DEPTH}})(?:[ \\t]{0,3}>[ \\t]?)+`, "gm");

function toHtml(markdown: string): string {
  try {
    return marked.parse(markdown.replace(DEEP_QUOTES, "$1")) as string;
  } catch (error) {
    // Pathological input that still overflows the parser: keep the words, as plain text.
    if (error instanceof RangeError) return `<p>${markdown.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
    throw error;
  }
}

export function renderMarkdown(markdown: string): string {
  const html = toHtml(markdown);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "alt", "title"],
      code: ["class"],
      th: ["align"],
      td: ["align"],
    },
    allowedClasses: { code: [/^language-[a-z0-9-]+$/] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
    // Images only from absolute http(s) URLs.
    exclusiveFilter: (frame) => frame.tag === "img" && !/^https?:\/\//i.test(frame.attribs.src ?? ""),
    transformTags: {
      ...Object.fromEntries(
        Object.entries(DEMOTE).map(([from, to]) => [from, (_tag: string, attribs: sanitizeHtml.Attributes) => ({ tagName: to, attribs })]),
      ),
      a: (_tag, attribs) => ({
        tagName: "a",
        attribs: { ...attribs, rel: "nofollow ugc noopener noreferrer" },
      }),
    },
  });
}
