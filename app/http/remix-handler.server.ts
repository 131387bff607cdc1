import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import "../load-context";
import { pageCacheKey, sendCachedPage, type PageCache } from "./page-cache.server";
import { sendErrorPage } from "./security.server";
import type { SiteAddress } from "./site.server";

/**
 * Express → Remix, like @remix-run/express, but the body comes from the
 * buffer that the size limit already read (see bodyLimit).
 */
export function remixHandler(
  build: ServerBuild,
  mode: string,
  site: SiteAddress,
  getContext: (req: Request, res: Response) => AppLoadContext,
  pageCache?: PageCache,
) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      // The forum's own origin, never the request's Host: whatever a loader builds from request.url is ours.
      // Appended, not resolved: a path such as `//evil.example/…` must stay a path on our origin.
      const url = new URL(site.origin + req.originalUrl);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
      }
      // sameOriginGuard has judged Origin already (against PUBLIC_URL or the served host); Remix's own
      // check compares it with Host, which behind a proxy is not ours. Hand Remix the judged request.
      headers.set("host", url.host);
      if (headers.has("origin")) headers.set("origin", url.origin);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const body = hasBody ? (res.locals.body as Buffer | undefined) : undefined;
      const request = new Request(url, {
        method: req.method,
        headers,
        signal: controller.signal,
        ...(body ? { body: new Uint8Array(body) } : {}),
      });
      const context = getContext(req, res);
      // Hits were answered earlier (servePageCache); a miss is stored below.
      const cacheKey = context.guardian.member !== null || !pageCache?.enabled ? null : pageCacheKey(pageCache, req);
      const response = await handleRequest(request, context);
      // Only a write that was committed (it succeeded and the answer is not a refusal) changes what visitors see.
      if (hasBody && context.requestState.wrote && response.status < 400) pageCache?.invalidate();
      const isDocumentRequest = !url.searchParams.has("_data");
      if (isDocumentRequest && response.headers.get("content-type")?.startsWith("text/html") && !response.headers.has("cache-control")) {
        // A page depends on who asks and in which language: no shared cache may keep a member's page or mix languages.
        response.headers.set("Cache-Control", context.guardian.member !== null ? "private, no-cache" : "no-cache");
        response.headers.append("Vary", "Cookie, Accept-Language");
      }
      if (context.requestState.databaseUnavailable && response.status >= 500 && isDocumentRequest) {
        // Database down: a fast, translated 503 the client may retry.
        await response.body?.cancel();
        res.setHeader("Retry-After", "30");
        sendErrorPage(req, res, 503, "error.unavailable.title", "error.unavailable.text");
        return;
      }
      // A page that says it is private or not to be stored (it depends on more than the key holds) is never kept.
      const storable = !/private|no-store/.test(response.headers.get("cache-control") ?? "");
      if (cacheKey !== null && storable && response.status === 200 && !response.headers.has("set-cookie") && response.body) {
        const page = {
          status: response.status,
          // Length and encoding are set when sent (plain or gzipped).
          headers: [...response.headers.entries()].filter(([name]) => name !== "content-length" && name !== "content-encoding"),
          body: Buffer.from(await response.arrayBuffer()),
          nonce: context.nonce,
        };
        const cached = pageCache!.set(cacheKey, page);
        if (cached) {
          sendCachedPage(req, res, cached);
          return;
        }
        res.status(page.status);
        for (const [key, value] of page.headers) res.setHeader(key, value);
        res.end(page.body);
        return;
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

async function sendResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) {
    if (key === "set-cookie") continue;
    res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (res.destroyed) {
      await reader.cancel();
      return;
    }
    if (!res.write(value)) {
      await new Promise((resolve) => {
        res.once("drain", resolve);
        res.once("close", resolve);
      });
    }
  }
  res.end();
}
