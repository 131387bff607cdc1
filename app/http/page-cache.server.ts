import cluster from "node:cluster";
import { ANONYMOUS } from "../auth/policy";
import { LOCALE_COOKIE } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";

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
  /** The CSP nonce the page was rendered with; a hit answers with the same. */
  nonce: string;
  expires: number;
}

const INVALIDATE = "gwn:invalidate-page-cache";
const MAX_BYTES = 32 * 1024 * 1024;

export class PageCache {
  private pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly ttlSeconds: number) {
    if (cluster.isWorker) {
      process.on("message", (message) => {
        if (message === INVALIDATE) this.clear();
      });
    }
  }

  get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  /** The cache key for a request, or null when this request must not use the cache. */
  keyFor(request: Request): string | null {
    if (!this.enabled || request.method !== "GET") return null;
    const cookies = request.headers.get("cookie");
    if (cookies && cookies.split(";").some((part) => part.split("=")[0]!.trim() !== LOCALE_COOKIE)) return null;
    const url = new URL(request.url);
    return `${requestLocale(request, ANONYMOUS)} ${url.pathname}${url.search}`;
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

  set(key: string, page: Omit<CachedPage, "expires">): void {
    if (page.body.length > MAX_BYTES / 16) return;
    this.remove(key);
    // Oldest first out when full (Map keeps insertion order).
    for (const oldest of this.pages.keys()) {
      if (this.bytes + page.body.length <= MAX_BYTES) break;
      this.remove(oldest);
    }
    this.pages.set(key, { ...page, expires: Date.now() + this.ttlSeconds * 1000 });
    this.bytes += page.body.length;
  }

  /** A write happened: forget every page here and tell the other workers. */
  invalidate(): void {
    if (!this.enabled) return;
    this.clear();
    if (cluster.isWorker) process.send?.(INVALIDATE);
  }

  private clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.length;
  }
}

/** In the cluster primary: pass each worker's invalidation on to the others. */
export function relayPageCacheInvalidations(): void {
  cluster.on("message", (sender, message) => {
    if (message !== INVALIDATE) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== sender) worker.send(INVALIDATE);
    }
  });
}
