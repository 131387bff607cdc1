import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoNetwork } from "../../db/seed";
import { unsubscribeUrl } from "../../app/domain/notifications/email.server";
import { createClient, visibleText } from "../helpers/client";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startTestServer } from "../helpers/http-server";
import { rawRequest } from "../helpers/raw-http";

/**
 * What an attack run against the real HTTP stack found: absolute
 * URLs following `Host`, a page cache that refused requests empty and foreign
 * hosts poison, and hostile requests that ended in a 500.
 */
let handle: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queries = 0;
let address = 0;
const freshIp = () => ({ "x-forwarded-for": `10.13.${Math.floor(++address / 250)}.${address % 250}` });
const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const FORM = "application/x-www-form-urlencoded";

beforeAll(async () => {
  handle = await createTestDatabase({ onQuery: () => queries++ });
  await seedDemoNetwork(handle.db);
  // Behind a pretend proxy on loopback, so sign-ins here each come from their own address.
  server = await startTestServer(handle, { PAGE_CACHE_SECONDS: "300", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await server?.close();
  await handle?.dispose();
});

async function lastMailTo(address: string) {
  await server.jobs.drain();
  return handle.db.selectFrom("dev_mailbox").selectAll().where("to_address", "=", address).orderBy("id", "desc").executeTakeFirst();
}

const publicThread = () =>
  handle.db.selectFrom("threads").select(["id", "slug"]).where("title", "=", "Wanneer voelt werk voor jou als goed werk?").executeTakeFirstOrThrow();

describe("absolute URLs come from the forum's own origin", () => {
  it("refuses a request for another host before any work, so a reset link can never point there", async () => {
    const before = await lastMailTo("carmen@goedwerknetwerk.example");
    const forged = await rawRequest(server.url, {
      method: "POST",
      path: "/forgot-password",
      headers: { host: "evil.example", origin: "http://evil.example", "content-type": FORM },
      body: form({ email: "carmen@goedwerknetwerk.example" }),
    });
    expect(forged.status).toBe(421);
    expect(visibleText(forged.body)).toContain("Dit forum is niet bereikbaar onder het adres dat je gebruikte");
    expect((await lastMailTo("carmen@goedwerknetwerk.example"))?.id).toBe(before?.id);
  });

  it("builds the reset link from the listen address even when a proxy header names another host", async () => {
    const response = await rawRequest(server.url, {
      method: "POST",
      path: "/forgot-password",
      headers: { origin: server.url, "x-forwarded-host": "evil.example", "content-type": FORM },
      body: form({ email: "carmen@goedwerknetwerk.example" }),
    });
    expect(response.status).toBe(200);
    const mail = await lastMailTo("carmen@goedwerknetwerk.example");
    expect(mail?.body_text).toContain(`${server.url}/reset-password?token=`);
    expect(mail?.body_text).not.toContain("evil.example");
  });

  it("keeps a path that looks like another host (//evil.example/…) a path on the forum's own origin", async () => {
    for (const path of ["//evil.example/forgot-password", "/\\evil.example/forgot-password"]) {
      const response = await rawRequest(server.url, {
        method: "POST",
        path,
        headers: { origin: server.url, "content-type": FORM, ...freshIp() },
        body: form({ email: "carmen@goedwerknetwerk.example" }),
      });
      expect(response.status, path).toBeLessThan(500);
      const mail = await lastMailTo("carmen@goedwerknetwerk.example");
      expect(mail?.body_text, path).not.toContain("evil.example");
    }
    for (const path of ["//evil.example/feed.xml", "//evil.example/sitemap.xml", "/\\evil.example/robots.txt", "//evil.example:8080/"]) {
      const response = await rawRequest(server.url, { path });
      expect(response.status, path).toBeLessThan(500);
      // The path itself may be echoed (a same-site redirect back after a language switch); never as a link to that host.
      expect(response.body, path).not.toMatch(/(href|src|action|content)="(https?:)?\/\/evil/);
      expect(response.body.match(/https?:\/\/[^/"<\s]+/g) ?? [], path).not.toContainEqual(expect.stringContaining("evil"));
    }
  });

  it("answers the forum's loopback names with links to its one origin, and health probes for any host", async () => {
    const thread = await publicThread();
    const port = new URL(server.url).port;
    for (const path of [`/t/${thread.id}/${thread.slug}`, "/feed.xml", "/sitemap.xml", "/robots.txt"]) {
      const viaIp = await rawRequest(server.url, { path, headers: { host: `127.0.0.1:${port}` } });
      expect(viaIp.status, path).toBe(200);
      expect(viaIp.body, path).toContain(server.url);
      expect(viaIp.body, path).not.toContain(`127.0.0.1:${port}`);
      const foreign = await rawRequest(server.url, { path, headers: { host: "evil.example" } });
      expect(foreign.status, path).toBe(421);
    }
    // The poisoned request did not reach the cache: visitors still get our links.
    const page = await rawRequest(server.url, { path: `/t/${thread.id}/${thread.slug}` });
    expect(page.body).not.toContain("evil.example");
    expect((await rawRequest(server.url, { path: "/healthz", headers: { host: "10.0.0.7:3000" } })).status).toBe(200);
  });

  it("with PUBLIC_URL behind a proxy that rewrites Host, takes forms from the public origin only and links there", async () => {
    const behindProxy = await startTestServer(handle, { PUBLIC_URL: "https://forum.example.nl" });
    try {
      const post = (origin: string) =>
        rawRequest(behindProxy.url, {
          method: "POST",
          path: "/forgot-password",
          headers: { origin, "content-type": FORM },
          body: form({ email: "bram@goedwerknetwerk.example" }),
        });
      expect((await post("https://forum.example.nl")).status).toBe(200);
      expect((await post("https://evil.example")).status).toBe(403);
      await behindProxy.jobs.drain();
      const mail = await lastMailTo("bram@goedwerknetwerk.example");
      expect(mail?.body_text).toContain("https://forum.example.nl/reset-password?token=");
      const page = await rawRequest(behindProxy.url, { path: "/", headers: { host: "forum.example.nl" } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('href="https://forum.example.nl/"');
    } finally {
      await behindProxy.close();
    }
  });
});

describe("the visitors' page cache", () => {
  it("is not emptied by refused requests, only by a committed write", async () => {
    const thread = await publicThread();
    const path = `/t/${thread.id}/${thread.slug}`;
    await rawRequest(server.url, { path });
    const rendersBefore = queries;
    expect((await rawRequest(server.url, { path })).status).toBe(200);
    expect(queries, "a hit does no work").toBe(rendersBefore);

    const refused: Array<{ path: string; headers: Record<string, string>; body: string }> = [
      // cross-site, missing Origin, an unknown page, a failed sign-in, a form that does not validate
      { path: "/login", headers: { origin: "https://evil.example", "content-type": FORM }, body: form({ identifier: "niemand", password: "x" }) },
      { path: "/login", headers: { "content-type": FORM }, body: form({ identifier: "niemand", password: "x" }) },
      { path: "/no-such-page", headers: { origin: server.url, "content-type": FORM }, body: form({ a: "b" }) },
      { path: "/login", headers: { origin: server.url, "content-type": FORM }, body: form({ identifier: "niemand", password: "wrong password" }) },
      { path: `${path}`, headers: { origin: server.url, "content-type": FORM }, body: form({ intent: "post", body: "" }) },
      { path: "/login", headers: { origin: server.url, "content-type": "application/json" }, body: "{}" },
    ];
    for (let round = 0; round < 5; round++) {
      for (const request of refused) {
        const response = await rawRequest(server.url, { method: "POST", ...request, headers: { ...request.headers, ...freshIp() } });
        expect(response.status, request.path).toBeGreaterThanOrEqual(400);
      }
    }
    const rendersAfterFlood = queries;
    expect((await rawRequest(server.url, { path })).status).toBe(200);
    expect(queries, "still served from the cache after the flood").toBe(rendersAfterFlood);

    // Accepted requests that change nothing a visitor sees (a reset request, a sign-in) keep it too.
    expect(
      (await rawRequest(server.url, { method: "POST", path: "/forgot-password", headers: { origin: server.url, "content-type": FORM, ...freshIp() }, body: form({ email: "niemand@example.nl" }) })).status,
    ).toBe(200);
    const rendersAfterReset = queries;
    expect((await rawRequest(server.url, { path })).status).toBe(200);
    expect(queries, "still served from the cache after a reset request").toBe(rendersAfterReset);

    const carmen = createClient(server.url, freshIp());
    expect((await carmen.signIn("carmen", "goedwerk-demo")).status).toBe(302);
    expect((await carmen.post(path, { intent: "post", body: "Een reactie die de cache leegt", idempotencyKey: `edge-${Date.now()}` })).status).toBe(302);
    const fresh = await rawRequest(server.url, { path });
    expect(visibleText(fresh.body)).toContain("Een reactie die de cache leegt");
  });
});

describe("hostile requests get a translated 4xx, never a 500", () => {
  const cases: Array<{ name: string; method?: string; path: string; headers?: Record<string, string>; body?: string; status: number }> = [
    { name: "NUL in a search filter", path: "/search?q=werk&author=%00", status: 400 },
    { name: "NUL in a tag filter", path: "/g/goed-werk-in-de-praktijk?tag=a%00", status: 400 },
    { name: "NUL in a username", path: "/u/%00", status: 400 },
    { name: "a bidirectional override in the path", path: "/u/%E2%80%AEanna", status: 400 },
    { name: "undecodable thread address", path: "/t/%FF", status: 400 },
    { name: "a lone percent sign", path: "/%", status: 400 },
    { name: "undecodable sitemap name", path: "/sitemaps/%FF", status: 400 },
    { name: "TRACE", method: "TRACE", path: "/", status: 405 },
    { name: "PUT", method: "PUT", path: "/login", status: 405 },
    { name: "a JSON body", method: "POST", path: "/login", headers: { "content-type": "application/json" }, body: '{"identifier":"anna"}', status: 415 },
    { name: "a text body", method: "POST", path: "/login", headers: { "content-type": "text/plain" }, body: "identifier=anna", status: 415 },
    { name: "no content type", method: "POST", path: "/login", body: "identifier=anna", status: 415 },
    { name: "multipart without boundary", method: "POST", path: "/login", headers: { "content-type": "multipart/form-data" }, body: "x", status: 400 },
  ];
  for (const { name, method = "GET", path, headers = {}, body, status } of cases) {
    it(`${name}: ${status}`, async () => {
      const response = await rawRequest(server.url, { method, path, headers: { origin: server.url, ...headers }, body });
      expect(response.status).toBe(status);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expect(visibleText(response.body)).toMatch(/Ongeldige aanvraag|Hier niet mogelijk|Onbekend formulier/);
      expect(response.body).not.toMatch(/at .+\.(js|ts):\d+/);
    });
  }

  it("a host moving a thread to a circle named with a NUL byte: 400, not a database error", async () => {
    const thread = await publicThread();
    const bram = createClient(server.url, freshIp());
    expect((await bram.signIn("bram", "goedwerk-demo")).status).toBe(302);
    const response = await bram.post(`/t/${thread.id}/${thread.slug}`, { intent: "move", group: "a\u0000b" });
    expect(response.status).toBe(400);
  });

  it("in English too", async () => {
    const response = await rawRequest(server.url, { path: "/t/%FF", headers: { "accept-language": "en" } });
    expect(response.status).toBe(400);
    expect(visibleText(response.body)).toContain("This web address contains characters that cannot be read.");
  });

  it("ignores a malformed cookie instead of breaking every page, and keeps a good one next to it", async () => {
    const carmen = createClient(server.url, freshIp());
    expect((await carmen.signIn("carmen", "goedwerk-demo")).status).toBe(302);
    const session = [...carmen.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    for (const cookie of ["gwn_session=%%%", `broken=%E0%A4%A; ${session}`, "=; ;;", `lang=en%00; ${session}`]) {
      const response = await rawRequest(server.url, { path: "/", headers: { cookie } });
      expect(response.status, cookie).toBe(200);
      if (cookie.includes(session)) expect(visibleText(response.body), cookie).toContain("Carmen");
    }
  });

  it("takes a correct Origin with X-Forwarded-Host naming another host without a 500", async () => {
    const response = await rawRequest(server.url, {
      method: "POST",
      path: "/login",
      headers: { origin: server.url, "x-forwarded-host": "evil.example", "content-type": FORM, ...freshIp() },
      body: form({ identifier: "nog-niemand", password: "wrong password" }),
    });
    expect(response.status).toBe(401);
  });
});

describe("pages that depend on more than the cache key holds", () => {
  it("never serves the dev mailbox, opened on the machine itself, to anyone else from the cache", async () => {
    // No trusted proxy: a request from loopback without forwarding headers is the machine itself.
    const direct = await startTestServer(handle, { PAGE_CACHE_SECONDS: "300" });
    try {
      expect((await rawRequest(direct.url, { path: "/dev/mail" })).status).toBe(200);
      const forwarded = await rawRequest(direct.url, { path: "/dev/mail", headers: { "x-forwarded-for": "198.51.100.7" } });
      expect(forwarded.status).toBe(404);
      expect(forwarded.body).not.toContain("reset-password?token=");
    } finally {
      await direct.close();
    }
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("accepts the mail client's cross-origin one-click POST, and nothing else from another origin", async () => {
    const carmen = await handle.db.selectFrom("members").select("id").where("username", "=", "carmen").executeTakeFirstOrThrow();
    const link = new URL(await unsubscribeUrl(handle.db, server.url, carmen.id, "digest"));
    const path = `${link.pathname}${link.search}`;
    const frequency = () =>
      handle.db.selectFrom("email_preferences").select("frequency").where("member_id", "=", carmen.id).where("kind", "=", "digest").executeTakeFirst();

    // Another origin may not use the link for anything but the one click, nor any other page with that body.
    for (const request of [
      { path, headers: { origin: "https://mail.example", "content-type": FORM }, body: form({ something: "else" }) },
      { path: "/settings/email", headers: { origin: "https://mail.example", "content-type": FORM }, body: form({ "List-Unsubscribe": "One-Click" }) },
    ]) {
      expect((await rawRequest(server.url, { method: "POST", ...request })).status).toBe(403);
    }
    expect((await frequency())?.frequency).not.toBe("never");

    for (const origin of ["https://mail.example", "garbage"]) {
      const response = await rawRequest(server.url, {
        method: "POST",
        path,
        headers: { origin, "content-type": FORM },
        body: form({ "List-Unsubscribe": "One-Click" }),
      });
      expect(response.status, origin).toBe(200);
    }
    expect((await frequency())?.frequency).toBe("never");

    const boundary = "----oneclick";
    const multipart = await rawRequest(server.url, {
      method: "POST",
      path,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(multipart.status).toBe(200);
  });
});

describe("a trusted proxy", () => {
  it("is believed about the client's address only when the connection comes from its address", async () => {
    const signInFrom = async (env: Record<string, string>) => {
      const other = await startTestServer(handle, env);
      try {
        const client = createClient(other.url, { "x-forwarded-for": "203.0.113.9" });
        expect((await client.signIn("bram", "goedwerk-demo")).status).toBe(302);
      } finally {
        await other.close();
      }
      const session = await handle.db
        .selectFrom("sessions")
        .innerJoin("members", "members.id", "sessions.member_id")
        .select("sessions.ip_address")
        .where("members.username", "=", "bram")
        .orderBy("sessions.created_at", "desc")
        .executeTakeFirstOrThrow();
      return session.ip_address;
    };
    expect(await signInFrom({ TRUST_PROXY: "false" })).not.toBe("203.0.113.9");
    // Our test server listens on loopback: a proxy configured elsewhere does not speak for this connection.
    expect(await signInFrom({ TRUST_PROXY: "10.0.0.2" })).not.toBe("203.0.113.9");
    expect(await signInFrom({ TRUST_PROXY: "loopback" })).toBe("203.0.113.9");
  });
});
