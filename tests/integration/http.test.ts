import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startTestServer } from "../helpers/http-server";

let handle: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startTestServer(handle);
});
afterAll(async () => {
  await server?.close();
  await handle?.dispose();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers, redirect: "manual" });

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBeTruthy();
}

describe("pages", () => {
  it("serve the home page in Dutch by default, with the five principles", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain("Welkom bij het Goed Werk Netwerk");
    expect(html).toContain('href="/p/ecologisch-perspectief"');
    expectSecurityHeaders(response);
  });

  it("serve English to a browser that prefers it, and follow the switch cookie over it", async () => {
    const english = await (await get("/", { "accept-language": "en-GB,en;q=0.9" })).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain("Welcome to the Good Work Network");
    const dutch = await (await get("/", { "accept-language": "en", cookie: "lang=nl" })).text();
    expect(dutch).toContain('<html lang="nl"');
  });

  it("fall back to Dutch on a malformed language cookie and header", async () => {
    const html = await (await get("/", { cookie: "lang=<script>", "accept-language": "q=;;,*" })).text();
    expect(html).toContain('<html lang="nl"');
  });

  it("have a page per principle at a stable URL", async () => {
    const response = await get("/p/positief-mensbeeld", { cookie: "lang=en" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>A positive view of people</h1>");
    expect(html).toContain("<title>A positive view of people · Good Work Network</title>");
  });

  it("give every script the response's nonce, fresh for each response", async () => {
    const first = await get("/");
    const second = await get("/");
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    const nonce = nonceOf(first);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonce);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });
});

describe("errors", () => {
  it.each([["/does-not-exist"], ["/p/not-a-principle"], ["/p/BAD%20SLUG"], ["/language"]])(
    "%s answers a translated 404 with security headers and no stack trace",
    async (path) => {
      const dutch = await get(path);
      expect(dutch.status).toBe(404);
      expectSecurityHeaders(dutch);
      const html = await dutch.text();
      expect(html).toContain("Pagina niet gevonden");
      expect(html).not.toMatch(/at .*\.js:\d+/);
      const english = await get(path, { "accept-language": "en" });
      expect(await english.text()).toContain("Page not found");
    },
  );

  it("answers 503 quickly, translated, when the database cannot be reached", async () => {
    const unreachable = await openDatabase({ url: "postgres://nobody@127.0.0.1:1/none", poolSize: 1 });
    const downServer = await startTestServer(unreachable, {}, { jobsHandle: handle });
    try {
      const started = Date.now();
      const response = await fetch(`${downServer.url}/`, { headers: { "accept-language": "en" } });
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await response.text()).toContain("Temporarily unavailable");
      const ready = await fetch(`${downServer.url}/readyz`);
      expect(ready.status).toBe(503);
      const health = await fetch(`${downServer.url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await downServer.close();
      await unreachable.close();
    }
  });
});

describe("cross-site request forgery", () => {
  const post = (headers: Record<string, string>, body = "locale=en&redirectTo=/") =>
    fetch(`${server.url}/language`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
      redirect: "manual",
    });

  it.each([
    ["another origin", { origin: "http://evil.example" }],
    ["no origin", {}],
    ["a null origin", { origin: "null" }],
    ["another port", { origin: "http://localhost:1" }],
  ])("refuses a POST from %s with 403 before the action runs", async (_label, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expectSecurityHeaders(response);
    expect(await response.text()).toContain("Geen toegang");
  });

  it("refuses a browser's cross-site fetch even with a matching Origin", async () => {
    const response = await post({ origin: server.url, "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
  });

  it("accepts a same-origin POST", async () => {
    const response = await post({ origin: server.url, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(/^lang=en; Path=\/; .*SameSite=Lax; HttpOnly/);
  });
});

describe("the language switch", () => {
  const switchTo = (body: string) =>
    fetch(`${server.url}/language`, { method: "POST", headers: server.formHeaders, body, redirect: "manual" });

  it("goes back to the page it came from", async () => {
    const response = await switchTo("locale=en&redirectTo=%2Fp%2Fgoed-werk%3Fx%3D1");
    expect(response.headers.get("location")).toBe("/p/goed-werk?x=1");
  });

  it("never redirects off-site", async () => {
    for (const target of ["//evil.example", "https://evil.example", "/\\evil.example"]) {
      const response = await switchTo(`locale=nl&redirectTo=${encodeURIComponent(target)}`);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/");
    }
  });

  it("answers an unknown language with a translated 400", async () => {
    const response = await switchTo("locale=fr&redirectTo=/");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Ongeldige aanvraag");
  });
});

describe("request bodies", () => {
  it("over 1 MB are refused with 413", async () => {
    const response = await fetch(`${server.url}/language`, {
      method: "POST",
      headers: server.formHeaders,
      body: `locale=en&redirectTo=/&pad=${"x".repeat(1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("groter dan 1 MB");
  });

  it("over 1 MB without a declared length are refused too", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/language`, {
      method: "POST",
      headers: server.formHeaders,
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe("operations", () => {
  it("/healthz and /readyz answer 200 while the database is up", async () => {
    expect((await get("/healthz")).status).toBe(200);
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("serves fingerprinted assets with a year-long immutable cache, compressed", async () => {
    const html = await (await get("/")).text();
    const css = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeTruthy();
    const response = await get(css!, { "accept-encoding": "gzip" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("compresses pages for clients that accept it", async () => {
    const response = await fetch(`${server.url}/`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(gzipSync("x")).toBeTruthy();
  });
});
