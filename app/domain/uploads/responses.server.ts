import { createHash } from "node:crypto";
import type { ServedFile } from "./serve.server";

// A stored file is never a page: no scripts, no plugins, no sniffing, in a sandbox of its own.
const FILE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function notModified(request: Request, etag: string, headers: Record<string, string>): Response | null {
  return request.headers.get("if-none-match") === etag ? new Response(null, { status: 304, headers: { ...headers, ETag: etag } }) : null;
}

/**
 * Images inline, PDFs as a download, always as the type we made them:
 * a file's content never changes under its id, so it may be kept for a year
 * (by the reader's browser only, unless anyone may read it).
 */
export function fileResponse(request: Request, file: ServedFile): Response {
  const etag = `"${file.sha256}"`;
  const headers = {
    ...FILE_HEADERS,
    // Asked again each time (a cheap 304 by ETag): a post hidden, deleted or moved later takes its files with it.
    "Cache-Control": `${file.isPublic ? "public" : "private"}, no-cache`,
    Vary: "Cookie",
  };
  const unchanged = notModified(request, etag, headers);
  if (unchanged) return unchanged;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      ...headers,
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(file.kind === "pdf" ? "attachment" : "inline", file.fileName),
      ETag: etag,
    },
  });
}

export function avatarResponse(request: Request, bytes: Buffer): Response {
  const etag = `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`;
  const headers = { ...FILE_HEADERS, "Cache-Control": "public, max-age=31536000, immutable" };
  const unchanged = notModified(request, etag, headers);
  if (unchanged) return unchanged;
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, "Content-Type": "image/webp", "Content-Length": String(bytes.length), "Content-Disposition": "inline", ETag: etag },
  });
}
