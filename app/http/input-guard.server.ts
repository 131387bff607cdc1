import type { NextFunction, Request, Response } from "express";
import { BIDI_FORMATTING } from "../lib/text-input";
import { sendErrorPage } from "./security.server";
import type { SiteAddress } from "./site.server";

/**
 * The input layer at the edge (README, "Security"): what no
 * route can use is refused here with a translated 4xx, before the page cache,
 * the session or Remix see it, so hostile shapes never reach the database and
 * never become a 500.
 */

const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST"]);
/** Probes from load balancers often name the machine by its IP; these answer the same for every host. */
const ANY_HOST_PATHS = new Set(["/healthz", "/readyz"]);
// C0 controls, DEL and the bidirectional overrides and isolates (the text fields' rule): never part of an address we serve.
const FORBIDDEN_IN_URL = new RegExp(`[\\u0000-\\u001f\\u007f]|${BIDI_FORMATTING.source}`);
// Tab, line feed and carriage return may come from a pasted search term; other controls may not.
const FORBIDDEN_IN_QUERY = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]|${BIDI_FORMATTING.source}`);
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function inputGuard(site: SiteAddress) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!ALLOWED_METHODS.has(req.method)) {
      res.setHeader("Allow", "GET, HEAD, POST");
      return sendErrorPage(req, res, 405, "error.methodNotAllowed.title", "error.methodNotAllowed.text");
    }
    // We never build anything from X-Forwarded-Host; dropping it keeps every later layer from doing so.
    delete req.headers["x-forwarded-host"];
    delete req.headers["forwarded"];
    req.headers.cookie = wellFormedCookies(req.headers.cookie);
    if (req.headers.cookie === undefined) delete req.headers.cookie;

    const raw = req.originalUrl;
    const queryAt = raw.indexOf("?");
    const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
    if (!ANY_HOST_PATHS.has(rawPath) && !site.serves(req.headers.host)) {
      return sendErrorPage(req, res, 421, "error.misdirected.title", "error.misdirected.text", `${site.origin}/`);
    }
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return sendErrorPage(req, res, 400, "error.badRequest.title", "error.badAddress.text");
    }
    if (!rawPath.startsWith("/") || FORBIDDEN_IN_URL.test(path)) {
      return sendErrorPage(req, res, 400, "error.badRequest.title", "error.badAddress.text");
    }
    if (queryAt !== -1) {
      for (const [key, value] of new URLSearchParams(raw.slice(queryAt + 1))) {
        if (FORBIDDEN_IN_QUERY.test(key) || FORBIDDEN_IN_QUERY.test(value)) {
          return sendErrorPage(req, res, 400, "error.badRequest.title", "error.badAddress.text");
        }
      }
    }
    next();
  };
}

/**
 * Only cookie pairs that decode cleanly pass on; a malformed one (which a
 * sibling subdomain could plant) is ignored instead of breaking every page.
 */
export function wellFormedCookies(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const kept: string[] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!COOKIE_NAME.test(name)) continue;
    try {
      if (FORBIDDEN_IN_URL.test(decodeURIComponent(value))) continue;
    } catch {
      continue;
    }
    kept.push(`${name}=${value}`);
  }
  return kept.length > 0 ? kept.join("; ") : undefined;
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * A POST must carry a form, as every form and fetcher of ours sends; a
 * multipart body must parse. Runs after the body was read (bodyLimit).
 */
export function formBodyGuard() {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "POST") return next();
    const contentType = req.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.has(mediaType)) {
      return sendErrorPage(req, res, 415, "error.unsupportedType.title", "error.unsupportedType.text");
    }
    if (mediaType === "multipart/form-data") {
      const body = res.locals.body as Buffer | undefined;
      try {
        await new globalThis.Response(body ? new Uint8Array(body) : null, { headers: { "content-type": contentType } }).formData();
      } catch {
        return sendErrorPage(req, res, 400, "error.badRequest.title", "error.badForm.text");
      }
    }
    next();
  };
}
