import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { resolveLocale, translator, type MessageKey } from "../i18n/index";

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A fresh nonce per response; Remix's inline scripts carry it. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, { upgradeInsecure }: { upgradeInsecure: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(upgradeInsecure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Security headers on every response, errors and static files included. */
export function securityHeaders({ production }: { production: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = createNonce();
    res.locals.nonce = nonce;
    const https = req.secure;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { upgradeInsecure: production && https }));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (production && https) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);


/**
 * CSRF (README, "Security"): a state-changing request must come from our own
 * origin. A missing or `null` Origin is refused as well, so only browsers
 * on our pages (which always send Origin on POST) get through. Our origin is
 * PUBLIC_URL's, or the scheme and `Host` of the request, whose host the input
 * guard has already checked is one we serve. Runs after bodyLimit: the one
 * exception, RFC 8058's one-click unsubscribe, is recognised by its body.
 */
export function sameOriginGuard({ publicUrl }: { publicUrl?: string }) {
  const configuredOrigin = publicUrl ? new URL(publicUrl).origin : null;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (await isOneClickUnsubscribe(req, res)) return next();
    const origin = req.get("origin");
    const ownOrigin = `${req.protocol}://${req.get("host") ?? ""}`;
    const crossSite = req.get("sec-fetch-site") === "cross-site";
    if (crossSite || !origin || (origin !== configuredOrigin && origin !== ownOrigin)) {
      return sendErrorPage(req, res, 403, "error.forbidden.title", "error.crossSite.text");
    }
    next();
  };
}

/** RFC 8058: a mail client posts `List-Unsubscribe=One-Click` (as either form encoding) to the signed link, from anywhere. */
async function isOneClickUnsubscribe(req: Request, res: Response): Promise<boolean> {
  if (req.path !== "/unsubscribe" || typeof req.query.s !== "string") return false;
  const body = res.locals.body as Buffer | undefined;
  const contentType = req.get("content-type");
  if (!body || !contentType) return false;
  try {
    const form = await new globalThis.Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    return form.get("List-Unsubscribe") === "One-Click";
  } catch {
    return false;
  }
}

/**
 * Reads a request body up to the limit into memory (413 beyond it), so that
 * an oversized upload is refused before any action runs.
 */
export function bodyLimit(textLimit = BODY_LIMIT_BYTES, multipartLimit = textLimit) {
  let largeInFlight = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    // Only a multipart form to a page that takes files, sent from our own pages with a
    // session cookie, may be as large as a post's files allow (README, "Uploads"); and only
    // a few such bodies are held at once, so nobody can fill the memory by sending many.
    const multipart = /^multipart\/form-data\b/i.test(req.get("content-type") ?? "") && takesFiles(req);
    const limit = multipart ? Math.max(textLimit, multipartLimit) : textLimit;
    const textKey = multipart ? "uploads.requestTooLarge" : "error.tooLarge.text";
    const declared = Number(req.get("content-length") ?? "0");
    if (declared > limit) {
      return refuseTooLarge(req, res, textKey);
    }
    let large = false;
    const holdLarge = (): boolean => {
      if (large) return true;
      if (largeInFlight >= MAX_LARGE_BODIES_IN_FLIGHT) return false;
      large = true;
      largeInFlight += 1;
      res.once("close", () => {
        largeInFlight -= 1;
      });
      return true;
    };
    if (declared > textLimit && !holdLarge()) return refuseBusy(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > textLimit && !holdLarge()) {
        refused = true;
        refuseBusy(req, res);
        return;
      }
      if (size > limit) {
        refused = true;
        refuseTooLarge(req, res, textKey);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (refused) return;
      res.locals.body = Buffer.concat(chunks);
      next();
    });
    req.on("error", next);
  };
}

/** How many request bodies above the text limit (uploads) are read into memory at once, at most. */
const MAX_LARGE_BODIES_IN_FLIGHT = 4;

/** The pages whose forms carry files: a reply or new thread, an edit, the upload endpoint and the avatar form. */
const TAKES_FILES = /^\/(?:uploads|settings|t\/\d+(?:\/[^/]*)?|g\/[^/]+\/new|posts\/\d+\/edit)\/?$/;

/** Whether this request may carry files: one of those pages, from our own origin, with a session cookie. */
function takesFiles(req: Request): boolean {
  if (!TAKES_FILES.test(req.path)) return false;
  if (!/(?:^|;\s*)[^=;]*session[^=;]*=/i.test(req.headers.cookie ?? "")) return false;
  const origin = req.get("origin");
  try {
    return origin !== undefined && new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

/** Too many uploads are being read at once: come back in a few seconds (the rest is not read). */
function refuseBusy(req: Request, res: Response) {
  res.setHeader("Retry-After", "10");
  res.setHeader("Connection", "close");
  sendErrorPage(req, res, 503, "error.unavailable.title", "uploads.busy");
  req.resume();
}

function refuseTooLarge(req: Request, res: Response, textKey: MessageKey) {
  // Close the connection afterwards: the rest of the upload is not read.
  res.setHeader("Connection", "close");
  sendErrorPage(req, res, 413, "error.tooLarge.title", textKey);
  req.resume();
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small translated HTML page for errors answered before Remix runs. */
export function sendErrorPage(
  req: Request,
  res: Response,
  status: number,
  titleKey: MessageKey,
  textKey: MessageKey,
  /** Where "go to the home page" leads: the forum's own origin when the request named another host. */
  homeHref = "/",
) {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  const locale = resolveLocale(headers);
  const t = translator(locale);
  const body = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t(titleKey))} · ${escapeHtml(t("site.name"))}</title></head><body><main><h1>${escapeHtml(t(titleKey))}</h1><p>${escapeHtml(t(textKey))}</p><p><a href="${escapeHtml(homeHref)}">${escapeHtml(t("error.backHome"))}</a></p></main></body></html>`;
  res.status(status).type("html").send(body);
}
