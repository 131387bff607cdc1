/**
 * What a file really is, from its first bytes: never from its name or the
 * type the browser declared. Anything else (SVG, HTML, text, archives) is
 * refused by the caller.
 */
export type SniffedType = "jpeg" | "png" | "gif" | "webp" | "pdf";

export function sniffType(bytes: Uint8Array): SniffedType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, text: string) => [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "webp";
  if (ascii(0, "%PDF-")) return "pdf";
  return null;
}

// Markup a browser would act on, were the file ever taken for a page.
const MARKUP = /<(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta)\b/i;

/** A PDF whose first kilobytes also read as a web page (a polyglot) is refused. */
export function looksLikeMarkup(bytes: Uint8Array, scan = 4096): boolean {
  return MARKUP.test(Buffer.from(bytes.subarray(0, scan)).toString("latin1"));
}

/**
 * A file name to show and to put in the file's address: the last path part,
 * without controls, bidirectional marks, quotes or Markdown brackets,
 * bounded, and ending in the extension of what the file really is.
 */
export function cleanFileName(name: string, extension: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const stem = last
    .normalize("NFC")
    .replace(/\.[^.]*$/, "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"'`<>[\]()\\/:*?|#%&;=+{}^~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  // Cut by characters, never inside an emoji's surrogate pair.
  return `${Array.from(stem).slice(0, 100).join("").trim() || "file"}.${extension}`;
}

/** The name as it appears in a file's address: ASCII letters, digits, dots, dashes. */
export function urlFileName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .slice(-80)
    .replace(/^[-.]+|-+$/g, "");
  return ascii || "file";
}

/** "1,2 MB" / "1.2 MB", "350 kB". */
export function formatBytes(bytes: number, locale: "nl" | "en"): string {
  const format = (n: number) => n.toLocaleString(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  return `${format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}
