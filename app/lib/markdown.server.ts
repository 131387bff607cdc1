import { Lexer, Marked, type MarkedOptions, type Token } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * The one way user Markdown becomes HTML: marked, then an allowlist
 * sanitiser. Called at write time; the result is stored next to the raw text
 * and injected only by <UserHtml>.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * marked's inline rules are quadratic on some shapes: each emphasis or
 * strikethrough delimiter scans the rest of its paragraph for a closer, and
 * the e-mail autolink rule rescans a whole run of address characters at every
 * stop (`_a_a_a…`, `*a_*a_…`, `~a_*…` took 2–25 s for 32,000 characters).
 * That work grows with (characters that can start such a scan) × (length of
 * the text scanned), so a lexer counts that product for every inline text it
 * parses and, once a document has used up its budget, keeps the rest as plain
 * escaped text. Normal posts use a few per cent of it, so they render exactly
 * as before; hostile ones lose their formatting, not the server's time.
 */
const INLINE_SCAN_BUDGET = 4_000_000;
const SCAN_STARTERS = /[*_~`[\]<>!\\@(]/g;

class BoundedLexer extends Lexer {
  private spent = 0;

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    this.spent += (src.match(SCAN_STARTERS)?.length ?? 0) * src.length;
    if (this.spent > INLINE_SCAN_BUDGET) {
      tokens.push({ type: "text", raw: src, text: src });
      return tokens;
    }
    return super.inlineTokens(src, tokens);
  }
}

marked.use({
  hooks: {
    provideLexer() {
      const block = this.block;
      return <P, R>(src: string, options?: MarkedOptions<P, R>) => {
        const lexer = new BoundedLexer(options as unknown as MarkedOptions);
        return block ? lexer.lex(src) : lexer.inlineTokens(src);
      };
    },
  },
});

/**
 * Uploads (README, "Uploads"): an image stored here (`/files/ID/name`,
 * optionally `?w=…&h=…` as the upload wrote it) shows as its thumbnail,
 * sized so the page does not jump, linking to the full image. Any other
 * relative image address is dropped by the sanitiser below.
 */
const STORED_IMAGE = /^\/files\/([1-9][0-9]{0,9})\/([a-z0-9][a-z0-9.-]{0,79})(?:\?w=([1-9][0-9]{0,4})&h=([1-9][0-9]{0,4}))?$/;
const STORED_THUMBNAIL = /^\/files\/[1-9][0-9]{0,9}\/[a-z0-9][a-z0-9.-]{0,79}\?size=thumb$/;
const THUMBNAIL_EDGE = 400;
const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

marked.use({
  renderer: {
    image({ href, text }) {
      const stored = STORED_IMAGE.exec(href);
      if (!stored) return false;
      const [, id, name, w, h] = stored;
      const full = `/files/${id}/${name}`;
      let size = "";
      if (w && h) {
        const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(Number(w), Number(h)));
        size = ` width="${Math.max(1, Math.round(Number(w) * scale))}" height="${Math.max(1, Math.round(Number(h) * scale))}"`;
      }
      return `<a href="${full}"><img src="${full}?size=thumb" alt="${escapeAttribute(text)}" loading="lazy"${size}></a>`;
    },
  },
});

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
      img: ["src", "alt", "title", "loading", "width", "height"],
      code: ["class"],
      th: ["align"],
      td: ["align"],
    },
    allowedClasses: { code: [/^language-[a-z0-9-]+$/] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
    // Images only from absolute http(s) URLs, or a stored image's thumbnail.
    exclusiveFilter: (frame) => frame.tag === "img" && !/^https?:\/\//i.test(frame.attribs.src ?? "") && !STORED_THUMBNAIL.test(frame.attribs.src ?? ""),
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
