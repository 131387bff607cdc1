import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../app/auth/lucia-adapter.server";
import { makeSiteAdmin } from "../../app/domain/accounts/admin.server";
import { requestPasswordReset } from "../../app/domain/accounts/commands.server";
import { loadConfig } from "../../app/lib/env.server";
import { startJobQueue } from "../../app/lib/jobs.server";
import { seedDemoNetwork } from "../../db/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startTestServer } from "../helpers/http-server";
import { createClient, visibleText } from "../helpers/client";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";

let handle: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoNetwork(handle.db);
  // Behind a (pretend) proxy, so each test client can have its own address for the per-IP limits.
  server = await startTestServer(handle, { TRUST_PROXY: "true" });
});
afterAll(async () => {
  await server?.close();
  await handle?.dispose();
});

let counter = 0;
/** A fresh client address keeps the per-IP limits of one test out of the others. */
const freshIp = () => ({ "x-forwarded-for": `10.0.${Math.floor(++counter / 250)}.${counter % 250}` });
const client = () => createClient(server.url, freshIp());

async function mailbox(to: string) {
  await server.jobs.drain();
  return handle.db
    .selectFrom("dev_mailbox")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("id", "desc")
    .execute();
}

function linkFrom(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?[^\\s]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  const url = new URL(match[0]);
  return url.pathname + url.search;
}

async function signUp(c: ReturnType<typeof client>, username: string, extra: Record<string, string> = {}) {
  return c.post("/signup", {
    email: `${username}@example.nl`,
    username,
    displayName: `Test ${username}`,
    password: "een lange goede zin",
    ...extra,
  });
}

/** Signs up and then in, as a new member does after the sign-up page. */
async function joined(c: ReturnType<typeof client>, username: string) {
  expect((await signUp(c, username)).status).toBe(200);
  expect((await c.signIn(username, "een lange goede zin")).status).toBe(302);
}

describe("signing up", () => {
  it("creates an unverified member, asks them to check their mail, and emails a verification link that works once", async () => {
    const c = client();
    const response = await signUp(c, "femke");
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("gwn_session"))).toBe(false);
    const page = visibleText(await response.text());
    expect(page).toContain("We hebben een bericht gestuurd naar femke@example.nl");

    const [mail] = await mailbox("femke@example.nl");
    expect(mail?.subject).toBe("Bevestig je e-mailadres voor het Goed Werk Netwerk");
    const link = linkFrom(mail!.body_text, "/verify-email");
    // The link's page moves the token out of the URL, leaking no Referer on the way.
    const fromLink = await c.get(link);
    expect(fromLink.status).toBe(302);
    expect(fromLink.headers.get("location")).toBe("/verify-email?step=confirm");
    expect(fromLink.headers.get("referrer-policy")).toBe("no-referrer");
    const confirmPage = visibleText(await (await c.get("/verify-email?step=confirm")).text());
    expect(confirmPage).toContain("Klik op de knop om je e-mailadres te bevestigen.");
    const confirmed = await c.post("/verify-email?step=confirm", {});
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/login?notice=email-verified");
    expect(visibleText(await (await c.get("/login?notice=email-verified")).text())).toContain("Je e-mailadres is bevestigd. Log in om mee te doen.");
    const member = await handle.db.selectFrom("members").selectAll().where("username", "=", "femke").executeTakeFirstOrThrow();
    expect(member.email_verified_at).not.toBeNull();

    await c.get(link);
    const again = await c.post("/verify-email?step=confirm", {});
    expect(again.status).toBe(400);
    expect(visibleText(await again.text())).toContain("Deze link werkt niet (meer)");
  });

  it("normalises usernames (NFKC, lower case) and refuses look-alikes, invisible characters and reserved names", async () => {
    const c = client();
    expect((await signUp(c, "Ｇｅｒｔ", { email: "gert@example.nl" })).status).toBe(200);
    expect(await handle.db.selectFrom("members").select("username").where("email", "=", "gert@example.nl").executeTakeFirst()).toEqual({
      username: "gert",
    });
    for (const [username, message] of [
      ["GERT", "Deze gebruikersnaam is al in gebruik."],
      ["аnna2", "Gebruik alleen kleine letters"], // Cyrillic а
      ["hen\u200bk", "Dit bevat onzichtbare stuurtekens"],
      ["admin", "Deze gebruikersnaam is gereserveerd."],
      ["ab", "Een gebruikersnaam heeft 3 tot 30 tekens."],
    ] as const) {
      const response = await client().post(
        "/signup",
        { email: `${counter++}@example.nl`, username, displayName: "X", password: "een lange goede zin" },
        freshIp(),
      );
      expect(response.status, username).toBeGreaterThanOrEqual(400);
      expect(response.status, username).toBeLessThan(500);
      expect(visibleText(await response.text()), username).toContain(message);
    }
  });

  it("keeps everything typed (but the password) when the form is rejected", async () => {
    const response = await client().post(
      "/signup",
      { email: "anna@goedwerknetwerk.example", username: "nieuwe.naam", displayName: "Nieuwe Naam", password: "12345678" },
      freshIp(),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="anna@goedwerknetwerk.example"');
    expect(html).toContain('value="nieuwe.naam"');
    expect(html).toContain('value="Nieuwe Naam"');
    expect(html).not.toContain('value="12345678"');
    expect(visibleText(html)).toContain("Dit wachtwoord komt te vaak voor");
  });

  it("answers an address that already has an account exactly as a new one, and tells its owner by email", async () => {
    const fresh = await signUp(client(), "nieuwe.sanne", { email: "sanne@example.nl" });
    const taken = await signUp(client(), "tweede.anna", { email: "ANNA@goedwerknetwerk.example" });
    expect(taken.status).toBe(fresh.status);
    expect(taken.headers.getSetCookie()).toEqual(fresh.headers.getSetCookie());
    const say = (text: string, email: string) => visibleText(text).replace(email, "…");
    expect(say(await taken.text(), "ANNA@goedwerknetwerk.example")).toBe(say(await fresh.text(), "sanne@example.nl"));
    expect(await handle.db.selectFrom("members").select("id").where("username", "=", "tweede.anna").executeTakeFirst()).toBeUndefined();
    const [notice] = await mailbox("anna@goedwerknetwerk.example");
    expect(notice?.subject).toBe("Iemand probeerde een account te maken met je e-mailadres");
    expect(notice?.body_text).toContain("/login");
    expect(notice?.body_text).toContain("/forgot-password");
    // Usernames are public: a taken one may be said.
    const name = await signUp(client(), "anna", { email: "andere.anna@example.nl" });
    expect(name.status).toBeGreaterThanOrEqual(400);
  });

  it("refuses NUL bytes with 422, never 500", async () => {
    const response = await signUp(client(), "nul.byte", { displayName: "Nul\u0000Byte" });
    expect(response.status).toBe(422);
    expect(visibleText(await response.text())).toContain("Dit bevat tekens die we niet kunnen opslaan.");
  });
});

describe("signing in and out", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie whose value is nowhere in the database", async () => {
    const c = client();
    const response = await c.signIn("bram", "goedwerk-demo");
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().find((h) => h.startsWith("gwn_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const token = /gwn_session=([^;]+)/.exec(cookie)![1]!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const rows = await handle.db.selectFrom("sessions").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.some((r) => r.id === hashToken(token))).toBe(true);
    const home = visibleText(await (await c.get("/")).text());
    expect(home).toContain("Bram Jansen");
    expect(home).toContain("Uitloggen");
  });

  it("signs in with the email address too, and gives a new token at every sign-in", async () => {
    const first = client();
    await first.signIn("carmen@goedwerknetwerk.example", "goedwerk-demo");
    const second = client();
    await second.signIn("CARMEN", "goedwerk-demo");
    expect(first.cookies.get("gwn_session")).toBeTruthy();
    expect(first.cookies.get("gwn_session")).not.toBe(second.cookies.get("gwn_session"));
  });

  it("goes back to a same-site redirectTo only", async () => {
    const c = client();
    const good = await c.post("/login", { identifier: "bram", password: "goedwerk-demo", redirectTo: "/p/verbindingen" });
    expect(good.headers.get("location")).toBe("/p/verbindingen");
    const evil = await client().post("/login", { identifier: "bram", password: "goedwerk-demo", redirectTo: "//evil.example" });
    expect(evil.headers.get("location")).toBe("/");
  });

  it("answers an unknown account and a wrong password the same way", async () => {
    const unknown = await client().post("/login", { identifier: "niemand", password: "whatever1" }, freshIp());
    const wrong = await client().post("/login", { identifier: "anna", password: "whatever1" }, freshIp());
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = (html: string) => /role="alert">([^<]+)</.exec(html)?.[1];
    expect(message(await unknown.text())).toBe(message(await wrong.text()));
  });

  it("throttles an account after repeated failures with 429, Retry-After and a translated message", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await client().post("/login", { identifier: "daan", password: `fout${i}fout` }, freshIp())).status).toBe(401);
    }
    // Even the right password waits now, from any address.
    const blocked = await client().post("/login", { identifier: "daan", password: "goedwerk-demo" }, { ...freshIp(), "accept-language": "en" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(visibleText(await blocked.text())).toMatch(/Too many attempts in a row\. Please try again in \d+ minutes\./);
  });

  it("logs out with a POST that deletes the session row", async () => {
    const c = client();
    await c.signIn("eva", "goedwerk-demo");
    const token = c.cookies.get("gwn_session")!;
    expect(await handle.db.selectFrom("sessions").select("id").where("id", "=", hashToken(token)).executeTakeFirst()).toBeTruthy();
    expect((await c.get("/logout")).status).toBe(404);
    const out = await c.post("/logout", {});
    expect(out.status).toBe(302);
    expect(c.cookies.has("gwn_session")).toBe(false);
    expect(await handle.db.selectFrom("sessions").select("id").where("id", "=", hashToken(token)).executeTakeFirst()).toBeUndefined();
    // The old cookie no longer works.
    const replay = createClient(server.url, { ...freshIp(), cookie: `gwn_session=${token}` });
    expect((await replay.get("/settings")).status).toBe(302);
  });

  it("sends signed-out visitors of member pages to sign in and back", async () => {
    const response = await client().get("/settings/sessions");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fsettings%2Fsessions");
  });
});

describe("passwords", () => {
  it("answers a reset request for a known and an unknown address alike, after the same statements", async () => {
    const known = await client().post("/forgot-password", { email: "carmen@goedwerknetwerk.example" });
    const unknown = await client().post("/forgot-password", { email: "niemand@example.nl" });
    expect(unknown.status).toBe(known.status);
    const say = (text: string, email: string) => visibleText(text).replace(email, "…");
    expect(say(await unknown.text(), "niemand@example.nl")).toBe(say(await known.text(), "carmen@goedwerknetwerk.example"));
    expect((await mailbox("niemand@example.nl"))[0]?.subject).toBe("Een nieuw wachtwoord gevraagd");

    // The same work on both paths: the same statements, in the same order.
    let statements: string[] = [];
    const recorded = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
    const jobs = await startJobQueue(recorded, { config: loadConfig({ NODE_ENV: "test" }), work: false });
    try {
      await createMember(recorded.db, "probe");
      const ask = async (email: string, clientIp: string) => {
        statements = [];
        expect(await requestPasswordReset(recorded.db, jobs, email, { links: { origin: "http://localhost", locale: "nl" }, clientIp })).toEqual({ ok: true });
        return statements;
      };
      const forKnown = await ask("probe@example.nl", "10.9.0.1");
      const forUnknown = await ask("nobody@example.nl", "10.9.0.2");
      expect(forUnknown).toEqual(forKnown);
      expect(await recorded.db.selectFrom("account_tokens").select("purpose").execute()).toEqual([{ purpose: "reset-password" }]);
    } finally {
      await jobs.stop();
      await recorded.dispose();
    }
  });

  it("counts failed sign-ins per account, whether its username or its address was typed", async () => {
    await createMember(handle.db, "teller");
    for (let i = 0; i < 3; i++) expect((await client().signIn("teller", "niet goed")).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await client().signIn("TELLER@example.nl", "niet goed")).status).toBe(401);
    for (const identifier of ["teller", "teller@example.nl"]) {
      const blocked = await client().signIn(identifier, FIXTURE_PASSWORD);
      expect(blocked.status, identifier).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Without an account, the typed text is counted.
    for (let i = 0; i < 5; i++) expect((await client().signIn("niemand.hier", "x")).status).toBe(401);
    expect((await client().signIn("niemand.hier", "x")).status).toBe(429);
    expect((await client().signIn("carmen", "goedwerk-demo")).status).toBe(302);
  });

  it("lets parallel guesses for one account past the limit no more than one at a time would", async () => {
    await createMember(handle.db, "parallel");
    const answers = await Promise.all(Array.from({ length: 15 }, () => client().signIn("parallel", "niet goed")));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBe(5);
    expect(statuses.filter((status) => status === 429).length).toBe(10);
  });

  it("resets by email with a single-use link and ends every session", async () => {
    const other = client();
    await joined(other, "hanna");
    const signedIn = other.cookies.get("gwn_session")!;
    const visitor = client();
    const ask = await visitor.post("/forgot-password", { email: "hanna@example.nl" }, freshIp());
    expect(ask.status).toBe(200);
    const askUnknown = await visitor.post("/forgot-password", { email: "onbekend@example.nl" }, freshIp());
    expect(visibleText(await askUnknown.text())).toContain("Als er een account bij onbekend@example.nl hoort");

    const [mail] = await mailbox("hanna@example.nl").then((m) => m.filter((x) => x.subject === "Een nieuw wachtwoord kiezen"));
    const link = linkFrom(mail!.body_text, "/reset-password");
    const fromLink = await visitor.get(link);
    expect(fromLink.headers.get("referrer-policy")).toBe("no-referrer");
    expect(fromLink.headers.get("location")).toBe("/reset-password");
    expect(visibleText(await (await visitor.get("/reset-password")).text())).toContain("Nieuw wachtwoord");
    const weak = await visitor.post("/reset-password", { password: "wachtwoord" });
    expect(weak.status).toBe(400);
    const done = await visitor.post("/reset-password", { password: "een heel nieuw wachtwoord" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login?notice=password-reset");
    expect(await handle.db.selectFrom("sessions").where("id", "=", hashToken(signedIn)).select("id").executeTakeFirst()).toBeUndefined();
    await visitor.get(link);
    expect((await visitor.post("/reset-password", { password: "nog een ander wachtwoord" })).status).toBe(400);
    expect((await client().post("/reset-password", { password: "nog een ander wachtwoord" })).status).toBe(400);
    expect((await client().signIn("hanna", "een heel nieuw wachtwoord")).status).toBe(302);
  });

  it("changes the password only with the current one, and ends the other sessions but not this one", async () => {
    const here = client();
    await joined(here, "ilse");
    const elsewhere = client();
    await elsewhere.signIn("ilse", "een lange goede zin");
    const wrong = await here.post("/settings/account", { intent: "password", currentPassword: "niet goed", newPassword: "nieuw en lang genoeg" });
    expect(wrong.status).toBe(400);
    expect(visibleText(await wrong.text())).toContain("Dit is niet je huidige wachtwoord.");
    const ok = await here.post("/settings/account", { intent: "password", currentPassword: "een lange goede zin", newPassword: "nieuw en lang genoeg" });
    expect(ok.status).toBe(200);
    expect((await here.get("/settings/sessions")).status).toBe(200);
    expect((await elsewhere.get("/settings/sessions")).status).toBe(302);
  });

  it("changes the email address only after the new address is confirmed", async () => {
    const c = client();
    await joined(c, "joost");
    const asked = await c.post("/settings/account", { intent: "email", currentPassword: "een lange goede zin", newEmail: "joost@nieuw.example" });
    expect(asked.status).toBe(200);
    const before = await handle.db.selectFrom("members").select("email").where("username", "=", "joost").executeTakeFirstOrThrow();
    expect(before.email).toBe("joost@example.nl");
    const [mail] = await mailbox("joost@nieuw.example");
    const link = linkFrom(mail!.body_text, "/verify-email");
    await c.get(link);
    expect(visibleText(await (await c.get("/verify-email?step=confirm")).text())).toContain("Daarna vervangt het je oude adres.");
    expect((await c.post("/verify-email?step=confirm", {})).status).toBe(302);
    const after = await handle.db.selectFrom("members").select("email").where("username", "=", "joost").executeTakeFirstOrThrow();
    expect(after.email).toBe("joost@nieuw.example");
  });

  it("answers a new address that already has an account as any other, and tells its owner instead of sending a link", async () => {
    const c = client();
    await joined(c, "mirte");
    const ask = async (newEmail: string) => {
      const response = await c.post("/settings/account", { intent: "email", currentPassword: "een lange goede zin", newEmail });
      const page = await c.get("/settings/account");
      return { status: response.status, text: visibleText(await response.text()).replace(newEmail, "…"), page: visibleText(await page.text()).replace(newEmail, "…") };
    };
    const free = await ask("mirte@nieuw.example");
    const taken = await ask("eva@goedwerknetwerk.example");
    expect(taken).toEqual(free);
    const [notice] = await mailbox("eva@goedwerknetwerk.example");
    expect(notice?.subject).toBe("Iemand wilde je e-mailadres voor een ander account gebruiken");
    expect(notice?.body_text).not.toContain("/verify-email");
    const mirte = await handle.db.selectFrom("members").select("email").where("username", "=", "mirte").executeTakeFirstOrThrow();
    expect(mirte.email).toBe("mirte@example.nl");
  });
});

describe("sessions page, profile and your data", () => {
  it("lists sessions with browser and system, marks this one, and ends another", async () => {
    const here = createClient(server.url, { ...freshIp(), "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" });
    await here.signIn("carmen", "goedwerk-demo");
    const phone = createClient(server.url, { ...freshIp(), "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1" });
    await phone.signIn("carmen", "goedwerk-demo");
    const page = await (await here.get("/settings/sessions")).text();
    expect(visibleText(page)).toContain("Chrome 130 · Linux");
    expect(visibleText(page)).toContain("deze sessie");
    expect(visibleText(page)).toMatch(/Mobile Safari 17 · iOS 17/);
    const phoneId = hashToken(phone.cookies.get("gwn_session")!);
    expect((await here.post("/settings/sessions", { intent: "end", sessionId: phoneId })).status).toBe(200);
    expect((await phone.get("/settings")).status).toBe(302);
    // Someone else's session id is not found.
    const stranger = client();
    await stranger.signIn("eva", "goedwerk-demo");
    const evaSession = hashToken(stranger.cookies.get("gwn_session")!);
    expect((await here.post("/settings/sessions", { intent: "end", sessionId: evaSession })).status).toBe(404);
    expect((await stranger.get("/settings")).status).toBe(200);
  });

  it("shows a public profile with a sanitised Markdown bio, and saves profile settings", async () => {
    const c = client();
    await c.signIn("eva", "goedwerk-demo");
    const saved = await c.post("/settings?index", {
      displayName: "Eva Smit",
      bio: "Ik werk aan **goed werk**. <script>alert(1)</script>",
      locale: "en",
      timeZone: "America/New_York",
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.getSetCookie().some((c) => c.startsWith("lang=en"))).toBe(true);
    const profile = await (await client().get("/u/EVA")).text();
    expect(profile).toContain("<strong>goed werk</strong>");
    expect(profile).not.toContain("<script>alert");
    expect(visibleText(profile)).toContain("@eva");
    const bad = await c.post("/settings?index", { displayName: "", bio: "x", locale: "en", timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    const badPage = visibleText(await bad.text());
    expect(badPage).toContain("Please choose a time zone from the list.");
    expect(badPage).toContain("A name has 1 to 80 characters.");
    expect((await client().get("/u/niet-bestaand")).status).toBe(404);
  });

  it("exports the member's data as JSON", async () => {
    const c = client();
    await c.signIn("carmen", "goedwerk-demo");
    const response = await c.get("/settings/export.json");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const data = await response.json();
    expect(data.profile).toMatchObject({ username: "carmen", email: "carmen@goedwerknetwerk.example" });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  it("exports the member's posts, RSVPs and reports", async () => {
    const db = handle.db;
    const carmen = await db.selectFrom("members").select("id").where("username", "=", "carmen").executeTakeFirstOrThrow();
    const post = await db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select(["posts.id", "posts.body_markdown", "posts.created_at", "threads.id as thread_id", "threads.title"])
      .where("posts.author_id", "=", carmen.id)
      .where("posts.deleted_at", "is", null)
      .orderBy("posts.id")
      .executeTakeFirstOrThrow();
    const event = await db.selectFrom("events").select(["id", "title"]).where("group_id", "is", null).orderBy("id").executeTakeFirstOrThrow();
    await db.insertInto("event_rsvps").values({ event_id: event.id, member_id: carmen.id, status: "maybe", note: "Misschien later" }).onConflict((oc) => oc.doNothing()).execute();
    const reported = await db.selectFrom("posts").select(["id", "thread_id"]).where("author_id", "!=", carmen.id).where("deleted_at", "is", null).orderBy("id").executeTakeFirstOrThrow();
    await db.insertInto("reports").values({ reporter_id: carmen.id, target_type: "post", post_id: reported.id, reason: "other", text: "Dit klopt niet" }).onConflict((oc) => oc.doNothing()).execute();

    const c = client();
    await c.signIn("carmen", "goedwerk-demo");
    const data = await (await c.get("/settings/export.json")).json();
    expect(data.posts).toContainEqual(
      expect.objectContaining({ id: post.id, text: post.body_markdown, thread: { id: post.thread_id, title: post.title }, createdAt: post.created_at.toISOString() }),
    );
    const rsvp = await db.selectFrom("event_rsvps").select(["status", "note"]).where("event_id", "=", event.id).where("member_id", "=", carmen.id).executeTakeFirstOrThrow();
    expect(data.rsvps).toContainEqual(expect.objectContaining({ event: expect.objectContaining({ id: event.id, title: event.title }), status: rsvp.status, note: rsvp.note }));
    expect(data.reports).toContainEqual(expect.objectContaining({ target: expect.objectContaining({ post: reported.id, thread: reported.thread_id }), reason: "other", text: "Dit klopt niet" }));
  });

  it("deletes the account with the current password, ending its sessions", async () => {
    const c = client();
    await joined(c, "kees");
    expect((await c.post("/settings/data", { posts: "keep", currentPassword: "fout fout fout" })).status).toBe(400);
    const gone = await c.post("/settings/data", { posts: "keep", currentPassword: "een lange goede zin" });
    expect(gone.status).toBe(302);
    expect(await handle.db.selectFrom("members").select("id").where("username", "=", "kees").executeTakeFirst()).toBeUndefined();
    expect((await c.get("/settings")).status).toBe(302);
  });
});

describe("suspension", () => {
  it("ends the sessions of a suspended member and tells them why at sign-in", async () => {
    const c = client();
    await joined(c, "lotte");
    await handle.db
      .updateTable("members")
      .set({ suspended_until: new Date(Date.now() + 86_400_000), suspension_reason: "Herhaald spammen" })
      .where("username", "=", "lotte")
      .execute();
    expect((await c.get("/settings")).status).toBe(302);
    const again = await client().signIn("lotte", "een lange goede zin");
    expect(again.status).toBe(403);
    expect(visibleText(await again.text())).toContain("Reden: Herhaald spammen");
  });
});

describe("site admins", () => {
  it("are promoted or created from the command line", async () => {
    const promoted = await makeSiteAdmin(handle.db, { email: "BRAM@goedwerknetwerk.example" });
    expect(promoted).toEqual({ ok: true, created: false, username: "bram" });
    const created = await makeSiteAdmin(handle.db, { email: "nieuwe.beheerder@example.nl" });
    expect(created).toMatchObject({ ok: true, created: true, username: "nieuwe.beheerder" });
    if (created.ok && created.created) {
      expect((await client().signIn("nieuwe.beheerder", created.password)).status).toBe(302);
    }
    expect(await makeSiteAdmin(handle.db, { email: "geen-adres" })).toMatchObject({ ok: false });
  });
});

describe("the dev mailbox", () => {
  it("is for site admins, and for requests made on this machine when no proxy is trusted, on any database", async () => {
    // This server trusts a proxy: the client address could be anyone's word.
    expect((await client().get("/dev/mail")).status).toBe(404);
    expect((await createClient(server.url, { "x-forwarded-for": "127.0.0.1" }).get("/dev/mail")).status).toBe(404);
    const member = client();
    await member.signIn("carmen", "goedwerk-demo");
    expect((await member.get("/dev/mail")).status).toBe(404);
    const admin = client();
    await admin.signIn("anna", "goedwerk-demo");
    expect((await admin.get("/dev/mail")).status).toBe(200);

    // Without a trusted proxy the address is the socket's: loopback is this machine, unless a local proxy forwarded it.
    const direct = await startTestServer(handle);
    try {
      expect((await createClient(direct.url).get("/dev/mail")).status).toBe(200);
      expect((await createClient(direct.url, { "x-forwarded-for": "203.0.113.9" }).get("/dev/mail")).status).toBe(404);
    } finally {
      await direct.close();
    }
  });
});

describe("session lifetime", () => {
  it("does not extend a fresh session on every request, but does when it nears its end", async () => {
    const c = client();
    await c.signIn("bram", "goedwerk-demo");
    const id = hashToken(c.cookies.get("gwn_session")!);
    const plain = await c.get("/");
    expect(plain.headers.getSetCookie().some((h) => h.startsWith("gwn_session="))).toBe(false);

    const soon = new Date(Date.now() + 2 * 86_400_000);
    await handle.db.updateTable("sessions").set({ expires_at: soon }).where("id", "=", id).execute();
    const extended = await c.get("/");
    expect(extended.headers.getSetCookie().some((h) => h.startsWith("gwn_session="))).toBe(true);
    const row = await handle.db.selectFrom("sessions").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  });

  it("ends a session past its absolute lifetime, however active it was", async () => {
    const c = client();
    await c.signIn("bram", "goedwerk-demo");
    const id = hashToken(c.cookies.get("gwn_session")!);
    await handle.db.updateTable("sessions").set({ absolute_expires_at: new Date(Date.now() - 1000) }).where("id", "=", id).execute();
    expect((await c.get("/settings")).status).toBe(302);
  });

  it("ends a session past its inactivity timeout", async () => {
    const c = client();
    await c.signIn("bram", "goedwerk-demo");
    const id = hashToken(c.cookies.get("gwn_session")!);
    await handle.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", id).execute();
    expect((await c.get("/settings")).status).toBe(302);
  });
});
