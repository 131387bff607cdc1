import cluster from "node:cluster";
import { gzipSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { DEFAULT_LOCALE, LOCALE_COOKIE, localeFromAcceptLanguage, localeFromCookie } from "../i18n/index";
import { INVALIDATE_PAGE_CACHE } from "./cluster-messages";

/**
 * A short-lived cache of the pages visitors see, as Discourse keeps one:
 * visitors far outnumber members and all see the same page. Only requests
 * without cookies (a language choice aside) are served from it, only 200
 * answers without Set-Cookie are kept, and any write (a non-GET request)
 * empties it in this process and, through the cluster primary, in the
 * others. On several machines a page is at most `ttlSeconds` old elsewhere.
 */
export interface CachedPage {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  /** The same body gzipped once, for the many clients that accept it. */
  gzipped: Buffer;
  /** The CSP nonce the page was rendered with; a hit answers with the same. */
  nonce: string;
  expires: number;
}

const MAX_BYTES = 32 * 1024 * 1024;

export class PageCache {
  private pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly ttlSeconds: number) {
    if (cluster.isWorker) {
      process.on("message", (message) => {
        if (message === INVALIDATE_PAGE_CACHE) this.clear();
      });
    }
  }

  get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  /**
   * The cache key for a request (path with query, cookie and Accept-Language
   * headers), or null when this request must not use the cache.
   */
  keyFor(method: string, pathAndQuery: string, cookies: string | undefined, acceptLanguage: string | undefined): string | null {
    if (!this.enabled || method !== "GET") return null;
    if (cookies && cookies.split(";").some((part) => part.split("=")[0]!.trim() !== LOCALE_COOKIE)) return null;
    // The language a visitor gets, decided as requestLocale does for visitors.
    const locale = localeFromCookie(cookies ?? null) ?? localeFromAcceptLanguage(acceptLanguage ?? null) ?? DEFAULT_LOCALE;
    return `${locale} ${pathAndQuery}`;
  }

  get(key: string): CachedPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    if (page.expires <= Date.now()) {
      this.remove(key);
      return null;
    }
    return page;
  }

  set(key: string, page: Omit<CachedPage, "expires" | "gzipped">): CachedPage | null {
    if (page.body.length > MAX_BYTES / 16) return null;
    this.remove(key);
    const gzipped = gzipSync(page.body);
    // Oldest first out when full (Map keeps insertion order).
    for (const oldest of this.pages.keys()) {
      if (this.bytes + page.body.length + gzipped.length <= MAX_BYTES) break;
      this.remove(oldest);
    }
    const cached = { ...page, gzipped, expires: Date.now() + this.ttlSeconds * 1000 };
    this.pages.set(key, cached);
    this.bytes += page.body.length + gzipped.length;
    return cached;
  }

  /** A write happened: forget every page here and tell the other workers. */
  invalidate(): void {
    if (!this.enabled) return;
    this.clear();
    if (cluster.isWorker) process.send?.(INVALIDATE_PAGE_CACHE);
  }

  private clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.length + page.gzipped.length;
  }
}

/** Express: the cache key for this request, or null. */
export function pageCacheKey(cache: PageCache, req: Request): string | null {
  return cache.keyFor(req.method, req.originalUrl, req.get("cookie"), req.get("accept-language"));
}

/**
 * Early in the chain (after the security headers, before compression and the
 * session): answers a visitor's request from the cache when it can.
 */
export function servePageCache(cache: PageCache) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = cache.enabled ? pageCacheKey(cache, req) : null;
    const hit = key === null ? null : cache.get(key);
    if (!hit) return next();
    sendCachedPage(req, res, hit);
  };
}

/**
 * A cached page, gzipped when the client accepts it, with the
 * Content-Security-Policy nonce its scripts were rendered with.
 */
export function sendCachedPage(req: Request, res: Response, page: CachedPage): void {
  const nonce = String(res.locals.nonce);
  res.status(page.status);
  for (const [key, value] of page.headers) res.setHeader(key, value);
  const policy = res.getHeader("Content-Security-Policy");
  if (typeof policy === "string" && nonce !== page.nonce) res.setHeader("Content-Security-Policy", policy.replaceAll(nonce, page.nonce));
  res.vary("Accept-Encoding");
  if (req.acceptsEncodings("gzip")) {
    res.setHeader("Content-Encoding", "gzip");
    res.end(page.gzipped);
  } else {
    res.end(page.body);
  }
}
