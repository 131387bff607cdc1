import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";
import { withSeededForum } from "../helpers/forum";

const { forum, as } = withSeededForum(21);
let keyCounter = 0;
const key = () => `draft-key-${++keyCounter}-${Date.now()}`;

const threadTitled = (title: string) => forum.handle.db.selectFrom("threads").select(["id", "slug", "group_id"]).where("title", "=", title).executeTakeFirstOrThrow();
const PUBLIC_THREAD = "Wanneer voelt werk voor jou als goed werk?";
const PRIVATE_THREAD = "Casus: de werkdruk in het wijkteam";

/** The text the reply box holds on a thread page, as the browser would show it. */
function replyBoxText(html: string): string | null {
  const match = /<textarea[^>]*id="field-body"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
  if (!match) return null;
  return match[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/^\n/, "");
}

async function signedInNewMember(username: string) {
  await createMember(forum.handle.db, username);
  return as(username, FIXTURE_PASSWORD);
}

describe("drafts of a reply", () => {
  it("saves with “Save draft”, answers “Draft saved” and restores the text on the next visit; posting deletes it", async () => {
    const carmen = await as("carmen");
    const thread = await threadTitled(PUBLIC_THREAD);
    const path = `/t/${thread.id}/${thread.slug}`;
    const saved = await carmen.post(path, { intent: "draft", body: "Mijn halve gedachte over *goed werk*", idempotencyKey: key() });
    expect(saved.status).toBe(200);
    const savedPage = await saved.text();
    expect(visibleText(savedPage)).toContain("Concept opgeslagen");
    expect(replyBoxText(savedPage)).toBe("Mijn halve gedachte over *goed werk*");

    expect(replyBoxText(await (await carmen.get(path)).text())).toBe("Mijn halve gedachte over *goed werk*");
    const list = visibleText(await (await carmen.get("/drafts")).text());
    expect(list).toContain(`Reactie op “${PUBLIC_THREAD}”`);
    expect(list).toContain("Mijn halve gedachte over goed werk");

    // A refused reply keeps the draft.
    expect((await carmen.post(path, { intent: "post", body: "a\u0000b", idempotencyKey: key() })).status).toBe(422);
    expect(replyBoxText(await (await carmen.get(path)).text())).toBe("Mijn halve gedachte over *goed werk*");

    const posted = await carmen.post(path, { intent: "post", body: "Mijn hele gedachte.", idempotencyKey: key() });
    expect(posted.status).toBe(302);
    expect(replyBoxText(await (await carmen.get(path)).text())).toBe("");
    expect(visibleText(await (await carmen.get("/drafts")).text())).toContain("Je hebt geen concepten.");
  });

  it("saves through the autosave address, the last save winning, and deletes the draft when the text is emptied", async () => {
    const eva = await as("eva");
    const thread = await threadTitled(PUBLIC_THREAD);
    const first = await eva.post("/drafts/save", { threadId: String(thread.id), body: "Eerste versie" }, { accept: "application/json" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, saved: true });
    // Two tabs saving at once: no error, one of them stays.
    const [a, b] = await Promise.all([
      eva.post("/drafts/save", { threadId: String(thread.id), body: "Tab A" }),
      eva.post("/drafts/save", { threadId: String(thread.id), body: "Tab B" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(["Tab A", "Tab B"]).toContain(replyBoxText(await (await eva.get(`/t/${thread.id}/${thread.slug}`)).text()));
    const later = await eva.post("/drafts/save", { threadId: String(thread.id), body: "Laatste versie" });
    expect(later.status).toBe(200);
    expect(replyBoxText(await (await eva.get(`/t/${thread.id}/${thread.slug}`)).text())).toBe("Laatste versie");

    const emptied = await eva.post("/drafts/save", { threadId: String(thread.id), body: "  " });
    expect(await emptied.json()).toMatchObject({ ok: true, saved: false });
    expect(visibleText(await (await eva.get("/drafts")).text())).toContain("Je hebt geen concepten.");
  });

  it("refuses an over-long text or a NUL with a 4xx and keeps everything typed", async () => {
    const daan = await as("daan");
    const thread = await threadTitled(PUBLIC_THREAD);
    const long = "x".repeat(32_001);
    const refused = await daan.post(`/t/${thread.id}/${thread.slug}`, { intent: "draft", body: long, idempotencyKey: key() });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(visibleText(html)).toContain("hoogstens 32.000 tekens");
    expect(html).toContain(long);
    const json = await daan.post("/drafts/save", { threadId: String(thread.id), body: long });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ ok: false, fieldErrors: { body: "validation.post.length" } });
    expect((await daan.post("/drafts/save", { threadId: String(thread.id), body: "a\u0000b" })).status).toBe(422);
    expect(visibleText(await (await daan.get("/drafts")).text())).toContain("Je hebt geen concepten.");
  });

  it("is mine alone: another member never sees nor gets my draft, and cannot delete it", async () => {
    const carmen = await as("carmen");
    const daan = await as("daan");
    const thread = await threadTitled(PUBLIC_THREAD);
    const path = `/t/${thread.id}/${thread.slug}`;
    await carmen.post(path, { intent: "draft", body: "Alleen voor mij bedoeld", idempotencyKey: key() });
    const daansPage = await (await daan.get(path)).text();
    expect(replyBoxText(daansPage)).toBe("");
    expect(daansPage).not.toContain("Alleen voor mij bedoeld");
    expect(visibleText(await (await daan.get("/drafts")).text())).not.toContain("Alleen voor mij bedoeld");
    const draft = await forum.handle.db.selectFrom("drafts").select("id").where("body", "=", "Alleen voor mij bedoeld").executeTakeFirstOrThrow();
    expect((await daan.post("/drafts", { intent: "delete", id: String(draft.id) })).status).toBe(404);
    expect(visibleText(await (await carmen.get("/drafts")).text())).toContain("Alleen voor mij bedoeld");
    // Deleting it myself, without JavaScript.
    const deleted = await carmen.post("/drafts", { intent: "delete", id: String(draft.id) });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/drafts?deleted=1");
    expect(visibleText(await (await carmen.get("/drafts?deleted=1")).text())).toContain("Concept verwijderd.");
    expect(replyBoxText(await (await carmen.get(path)).text())).toBe("");
  });

  it("is neither listed nor restored once I left the circle, nor after a ban; a visitor is sent to sign in", async () => {
    const thread = await threadTitled(PRIVATE_THREAD);
    const path = `/t/${thread.id}/${thread.slug}`;
    const leaver = await signedInNewMember("vertrekker");
    const bram = await as("bram");
    const banned = await signedInNewMember("verbannen");
    const ids = await forum.handle.db.selectFrom("members").select(["id", "username"]).where("username", "in", ["vertrekker", "verbannen"]).execute();
    await forum.handle.db
      .insertInto("group_members")
      .values(ids.map((m) => ({ group_id: thread.group_id, member_id: m.id, role: "member" as const })))
      .execute();
    for (const client of [leaver, banned]) {
      const saved = await client.post(path, { intent: "draft", body: "Geheime kringtekst", idempotencyKey: key() });
      expect(saved.status).toBe(200);
      expect(visibleText(await (await client.get("/drafts")).text())).toContain("Geheime kringtekst");
    }
    expect((await leaver.post("/g/leerkring-vakmanschap", { intent: "leave" })).status).toBe(302);
    const bannedId = ids.find((m) => m.username === "verbannen")!.id;
    expect((await bram.post("/g/leerkring-vakmanschap/members", { intent: "ban", id: bannedId, reason: "Test" })).status).toBeLessThan(400);
    for (const client of [leaver, banned]) {
      const list = await (await client.get("/drafts")).text();
      expect(list).not.toContain("Geheime kringtekst");
      expect(list).not.toContain(PRIVATE_THREAD);
      expect((await client.get(path)).status).toBe(404);
      // Nor can it be saved again.
      expect((await client.post("/drafts/save", { threadId: String(thread.id), body: "Nog eens" })).status).toBe(404);
    }
    const visitor = forum.server.url;
    const anonymous = await fetch(`${visitor}/drafts`, { redirect: "manual", headers: { "x-forwarded-for": "10.21.250.1" } });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fdrafts");
  });

  it("the quote button without JavaScript keeps what I typed and appends the quote; an old ?quote= link appends too", async () => {
    const carmen = await as("carmen");
    const thread = await threadTitled(PUBLIC_THREAD);
    const path = `/t/${thread.id}/${thread.slug}`;
    const post = await forum.handle.db.selectFrom("posts").select(["id", "body_markdown"]).where("thread_id", "=", thread.id).where("number", "=", 1).executeTakeFirstOrThrow();
    const quoted = await carmen.post(path, { body: "Wat ik al schreef", idempotencyKey: key(), quote: String(post.id) });
    expect(quoted.status).toBe(302);
    expect(quoted.headers.get("location")).toBe(`${path}#reply`);
    const box = replyBoxText(await (await carmen.get(path)).text())!;
    expect(box.startsWith("Wat ik al schreef\n\n[@")).toBe(true);
    expect(box).toContain(`> ${post.body_markdown.trim().split("\n")[0]}`);
    // The same quote by an old link is not appended a second time.
    expect(replyBoxText(await (await carmen.get(`${path}?quote=${post.id}`)).text())).toBe(box);

    // A post of another thread, or one I cannot read, adds nothing but keeps the text.
    const other = await forum.handle.db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select("posts.id")
      .where("threads.title", "=", PRIVATE_THREAD)
      .executeTakeFirstOrThrow();
    await carmen.post(path, { body: "Nieuwe tekst", idempotencyKey: key(), quote: String(other.id) });
    expect(replyBoxText(await (await carmen.get(path)).text())).toBe("Nieuwe tekst");

    // The old link: the saved draft stays, the quote comes after it.
    const linked = replyBoxText(await (await carmen.get(`${path}?quote=${post.id}`)).text())!;
    expect(linked.startsWith("Nieuwe tekst\n\n[@")).toBe(true);
    await carmen.post(path, { intent: "draft", body: "", idempotencyKey: key() });
  });
});

describe("drafts of a new conversation", () => {
  it("keeps title, labels and text, and starting the conversation deletes the draft", async () => {
    const eva = await as("eva");
    const saved = await eva.post("/g/goed-werk-in-de-praktijk/new", {
      intent: "draft",
      title: "Half idee",
      body: "Nog niet af",
      "principle-goed-werk": "on",
      idempotencyKey: key(),
    });
    expect(saved.status).toBe(200);
    expect(visibleText(await saved.text())).toContain("Concept opgeslagen");
    const page = await (await eva.get("/g/goed-werk-in-de-praktijk/new")).text();
    expect(page).toContain('value="Half idee"');
    expect(page).toMatch(/name="principle-goed-werk" checked=""/);
    expect(replyBoxText(page)).toBe("Nog niet af");
    const list = visibleText(await (await eva.get("/drafts")).text());
    expect(list).toContain("Nieuw gesprek in Goed werk in de praktijk");
    expect(list).toContain("Half idee");

    const started = await eva.post("/g/goed-werk-in-de-praktijk/new", { intent: "post", title: "Heel idee", body: "Nu wel af", "principle-goed-werk": "on", idempotencyKey: key() });
    expect(started.status).toBe(302);
    expect(replyBoxText(await (await eva.get("/g/goed-werk-in-de-praktijk/new")).text())).toBe("");
    expect(visibleText(await (await eva.get("/drafts")).text())).toContain("Je hebt geen concepten.");
  });

  it("refuses the 51st draft with a 409 and a clear message, keeping the text", async () => {
    const writer = await signedInNewMember("veelschrijver");
    const me = await forum.handle.db.selectFrom("members").select("id").where("username", "=", "veelschrijver").executeTakeFirstOrThrow();
    const circle = await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "goed-werk-in-de-praktijk").executeTakeFirstOrThrow();
    await forum.handle.db.insertInto("group_members").values({ group_id: circle.id, member_id: me.id, role: "member" }).execute();
    const threads = await forum.handle.db
      .insertInto("threads")
      .values(Array.from({ length: 51 }, (_, i) => ({ group_id: circle.id, author_id: me.id, title: `Draadje ${i}`, slug: `draadje-${i}` })))
      .returning(["id", "slug"])
      .execute();
    for (const thread of threads.slice(0, 50)) {
      expect((await writer.post("/drafts/save", { threadId: String(thread.id), body: `Concept ${thread.id}` })).status).toBe(200);
    }
    // Saving one of the fifty again is fine.
    expect((await writer.post("/drafts/save", { threadId: String(threads[0]!.id), body: "Bijgewerkt" })).status).toBe(200);
    const last = threads[50]!;
    const refused = await writer.post(`/t/${last.id}/${last.slug}`, { intent: "draft", body: "Nummer eenenvijftig", idempotencyKey: key() });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(visibleText(html)).toContain("Je hebt al 50 concepten.");
    expect(replyBoxText(html)).toBe("Nummer eenenvijftig");
    const json = await writer.post("/drafts/save", { threadId: String(last.id), body: "Nummer eenenvijftig" });
    expect(json.status).toBe(409);
    expect(await json.json()).toMatchObject({ ok: false, formError: "drafts.tooMany" });
    const count = await forum.handle.db.selectFrom("drafts").select((eb) => eb.fn.countAll<number>().as("n")).where("member_id", "=", me.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(50);
  });

  it("are part of the member's data export", async () => {
    const bram = await as("bram");
    const thread = await threadTitled(PUBLIC_THREAD);
    await bram.post("/drafts/save", { threadId: String(thread.id), body: "Voor in mijn export" });
    const data = (await (await bram.get("/settings/export.json")).json()) as { drafts: Array<{ threadId: number; body: string }> };
    expect(data.drafts).toEqual([expect.objectContaining({ threadId: thread.id, body: "Voor in mijn export" })]);
    await bram.post("/drafts/save", { threadId: String(thread.id), body: "" });
  });

  it("go with the account", async () => {
    const gone = await createMember(forum.handle.db, "vertrekt-helemaal");
    const circle = await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "goed-werk-in-de-praktijk").executeTakeFirstOrThrow();
    await forum.handle.db.insertInto("drafts").values({ member_id: gone.id, group_id: circle.id, body: "Weg ermee" }).execute();
    await forum.handle.db.deleteFrom("members").where("id", "=", gone.id).execute();
    expect(await forum.handle.db.selectFrom("drafts").select("id").where("body", "=", "Weg ermee").execute()).toEqual([]);
  });
});
