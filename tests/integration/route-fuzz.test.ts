import { appendFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoNetwork } from "../../db/seed";
import { createClient } from "../helpers/client";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startTestServer } from "../helpers/http-server";
import { rawRequest } from "../helpers/raw-http";

/**
 * Bad requests over every route of the real build: hostile path
 * parameters, query values and form fields, as a visitor and as a site admin
 * (who reaches the most code). Nothing may answer 500 or log an error.
 */
let handle: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let threadSlug = "";
let routes: Array<{ id: string; pattern: string; hasAction: boolean }>;

const HOSTILE_VALUES = [
  "%00",
  "%FF",
  "-1",
  "0",
  "99999999999999999999",
  "2147483648",
  "1e309",
  "NaN",
  "..%2F..%2Fetc%2Fpasswd",
  "%E2%80%AE",
  "%EF%BF%BF",
  "x".repeat(3000),
];
/** A real value per parameter name, so actions get past "not found" into their validation. */
const REAL_PARAMS: Record<string, string> = {
  id: "1",
  slug: "goed-werk-in-de-praktijk",
  username: "carmen",
  token: "x",
  code: "x",
  name: "pages.xml",
};
const QUERY_NAMES = ["page", "q", "tag", "group", "principle", "author", "sort", "type", "from", "to", "when", "quote", "step", "redirectTo"];
const INTENTS = [
  "all", "approve", "ban", "cancel", "create-link", "delete", "email", "end", "end-others", "hide", "invite", "join", "leave", "lift",
  "move", "one", "password", "post", "preview", "react", "remove", "renew", "report", "request", "resend", "restore", "revoke",
  "revoke-link", "rsvp", "trust", "watch", "withdraw", "decline", "role", "unban", "untrust", "warning", "edit", "",
];
const FIELDS = [
  "id", "postId", "groupId", "tagId", "sessionId", "number", "version", "capacity", "days", "posts", "overflow", "status", "level", "kind",
  "role", "sanction", "decision", "starts", "ends", "rsvpDeadline", "timeZone", "title", "body", "text", "note", "reason", "label", "colour",
  "name", "slug", "description", "about", "bio", "username", "email", "newEmail", "displayName", "locale", "visibility", "joinPolicy",
  "listed", "principle", "group", "tag", "owner", "to", "placeName", "placeAddress", "mapUrl", "onlineUrl", "idempotencyKey", "type",
  "message", "redirectTo", "identifier", "password", "currentPassword", "newPassword",
];
/** Form values that break code that trusts them: overflowing numbers, negative ids, NUL, control and bidi characters, odd dates. */
const HOSTILE_FORMS: Array<(field: string) => string> = [
  () => "a\u0000b",
  () => "99999999999999999999",
  () => "-2147483649",
  () => "\u202e\u0007 \ud800",
  () => "0000-00-00T25:61",
  () => "1e309",
  (field) => (field === "body" || field === "description" ? "_a".repeat(200) : "[]"),
];

function fill(pattern: string, value: (name: string) => string): string {
  return (
    "/" +
    pattern
      .split("/")
      .filter(Boolean)
      .map((segment) => {
        if (segment === "*") return value("splat");
        const param = /^:(\w+)\??$/.exec(segment);
        if (param) return value(param[1]!);
        return segment.replace(/\[(.)\]/g, "$1");
      })
      .join("/")
  );
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoNetwork(handle.db);
  server = await startTestServer(handle, { TRUST_PROXY: "loopback" });
  threadSlug = (await handle.db.selectFrom("threads").select("slug").where("id", "=", 1).executeTakeFirstOrThrow()).slug;
  const build = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/index.js")).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id]!;
    const own = route.path ?? "";
    return route.parentId ? `${fullPath(route.parentId)}/${own}` : own;
  };
  routes = Object.values(build.routes)
    .filter((route) => route.id !== "root" && (route.path !== undefined || route.index))
    .map((route) => ({ id: route.id, pattern: fullPath(route.id).replace(/\/+/g, "/"), hasAction: Boolean(route.module.action) }));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await handle?.dispose();
});

describe("a run of bad requests over every route", () => {
  it("never answers 500 and never logs an error", { timeout: 600_000 }, async () => {
    const errors = vi.spyOn(console, "error");
    const failures: string[] = [];
    let requests = 0;
    let address = 0;
    const ip = () => `10.77.${Math.floor(++address / 250) % 250}.${address % 250}`;
    const check = async (what: string, request: Parameters<typeof rawRequest>[1]) => {
      const started = Date.now();
      const response = await rawRequest(server.url, { ...request, headers: { "x-forwarded-for": ip(), ...request.headers } }).catch(
        (error: Error) => ({ status: 599, error }),
      );
      requests++;
      if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${Date.now() - started}ms ${response.status} ${what}\n`);
      if (response.status >= 500) failures.push(`${response.status} ${what}`);
    };
    // Signed in afresh for each route: an earlier form (sign out, end sessions) may have ended the session.
    const signedIn = async () => {
      const admin = createClient(server.url, { "x-forwarded-for": ip() });
      expect((await admin.signIn("anna", "goedwerk-demo")).status).toBe(302);
      return [...admin.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    };

    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const admin = await signedIn();
      for (const cookie of [undefined, admin]) {
        const headers: Record<string, string> = cookie ? { cookie } : {};
        // Every hostile value as a path parameter and in every query parameter; a few of them signed in.
        const values = cookie ? HOSTILE_VALUES.filter((_, index) => index % 3 === 0) : HOSTILE_VALUES;
        const real = fill(route.pattern, (name) => (name === "slug" && /^\/?t\//.test(route.pattern) ? threadSlug : REAL_PARAMS[name]) ?? "x");
        for (const value of values) {
          if (route.pattern.includes(":") || route.pattern.includes("*")) {
            await check(`GET ${route.pattern} with ${value.slice(0, 20)}`, { path: fill(route.pattern, () => value), headers });
          }
          // Node refuses request heads over 16 kB (431): the long value goes into one parameter at a time.
          const query = QUERY_NAMES.map((name, index) => `${name}=${value.length > 100 && index % 4 !== 0 ? "x" : value}`).join("&");
          await check(`GET ${real}?…=${value.slice(0, 20)}`, { path: `${real}?${query}`, headers });
        }
        await check(`GET ${real}?_data`, { path: `${real}?_data=${encodeURIComponent(route.id)}&page=-1`, headers });
        await check(`GET ${real} with a malformed cookie`, { path: real, headers: { cookie: `gwn_session=%%%; lang=%FF; ${cookie ?? ""}` } });
        // Wrong methods and content types.
        await check(`DELETE ${real}`, { method: "DELETE", path: real, headers });
        await check(`POST ${real} as JSON`, { method: "POST", path: real, headers: { ...headers, origin: server.url, "content-type": "application/json" }, body: "{}" });
        if (!route.hasAction) continue;
        // Every intent with hostile values in every field (one shape of hostility per intent, in turn); visitors once.
        // NUL in every field always (values that skip validation reach the database), and one more shape in turn.
        for (const [index, intent] of (cookie ? INTENTS : [""]).entries()) {
          for (const hostile of new Set([HOSTILE_FORMS[0]!, HOSTILE_FORMS[1 + (index % (HOSTILE_FORMS.length - 1))]!])) {
            const body = new URLSearchParams({ intent, ...Object.fromEntries(FIELDS.map((field) => [field, hostile(field)])) });
            await check(`POST ${real} intent=${intent} ${JSON.stringify(hostile("x")).slice(0, 24)}`, {
              method: "POST",
              path: real,
              headers: { ...headers, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
              body: body.toString(),
            });
          }
        }
      }
    }
    const logged = errors.mock.calls.map((call) => call.map((part) => (part instanceof Error ? part.stack : typeof part === "object" ? JSON.stringify(part) : String(part))).join(" ").slice(0, 300));
    errors.mockRestore();
    console.log(`${requests} bad requests over ${routes.length} routes`);
    expect(failures).toEqual([]);
    expect(logged).toEqual([]);
  });
});
