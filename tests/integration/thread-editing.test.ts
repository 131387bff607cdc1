import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(37);
const CIRCLE = "goed-werk-in-de-praktijk";
let keyCounter = 0;
const key = () => `edit-key-${++keyCounter}-${Date.now()}`;

type Client = Awaited<ReturnType<typeof as>>;

/** Starts a thread through the real form and returns it with its opening post. */
async function startThread(client: Client, title: string, fields: Record<string, string> = {}) {
  const response = await client.post(`/g/${CIRCLE}/new`, { intent: "post", title, body: "Een openingstekst om te bewerken.", idempotencyKey: key(), ...fields });
  expect(response.status, `starting ${title}`).toBe(302);
  const thread = await forum.handle.db.selectFrom("threads").selectAll().where("title", "=", title).executeTakeFirstOrThrow();
  const opening = await forum.handle.db.selectFrom("posts").selectAll().where("thread_id", "=", thread.id).where("number", "=", 1).executeTakeFirstOrThrow();
  return { thread, opening, path: `/t/${thread.id}/${thread.slug}` };
}

/** The part of a thread page's HTML that is one post. */
function postHtml(html: string, number: number): string {
  const start = html.indexOf(`id="post-${number}"`);
  expect(start, `post ${number} on the page`).toBeGreaterThan(-1);
  const next = html.indexOf(`id="post-${number + 1}"`, start);
  return html.slice(start, next === -1 ? undefined : next);
}

const sectionAfter = (text: string, title: string) => text.slice(text.indexOf(title), text.indexOf(title) + title.length + 40);

describe("correcting a thread's title and tags", () => {
  it("lets the author change them with the opening post; the page, old address, history, search, feeds and the visitors' cache follow", async () => {
    const carmen = await as("carmen");
    const { thread, opening, path } = await startThread(carmen, "Werkplezier in de wijk", { "principle-goed-werk": "on" });
    // A visitor's view of the circle is cached before the change.
    expect(visibleText(await (await visitor().get(`/g/${CIRCLE}`)).text())).toContain("Werkplezier in de wijk");

    const form = await carmen.get(`/posts/${opening.id}/edit`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('value="Werkplezier in de wijk"');
    expect(formHtml).toMatch(/name="principle-goed-werk" checked=""/);

    const saved = await carmen.post(`/posts/${opening.id}/edit`, {
      intent: "save",
      version: String(opening.version),
      title: "Werkgeluk in de buurt",
      "principle-verbindingen": "on",
      "tag-onderwijs": "on",
      body: opening.body_markdown,
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/t/${thread.id}/werkgeluk-in-de-buurt#post-1`);

    const page = visibleText(await (await visitor().get(`/t/${thread.id}/werkgeluk-in-de-buurt`)).text());
    expect(page).toContain("Werkgeluk in de buurt");
    expect(page).not.toContain("Werkplezier in de wijk");
    expect(page).toContain("Verbindingen");
    expect(page).toContain("Onderwijs");

    // The old address, with or without a slug, answers with a permanent redirect that keeps the query.
    const old = await visitor().get(`${path}?page=1`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/t/${thread.id}/werkgeluk-in-de-buurt?page=1`);
    expect((await visitor().get(`/t/${thread.id}`)).headers.get("location")).toBe(`/t/${thread.id}/werkgeluk-in-de-buurt`);

    const history = visibleText(await (await visitor().get(`/posts/${opening.id}/history`)).text());
    expect(history).toMatch(/Titel\s*:\s*Werkplezier in de wijk\s+Werkgeluk in de buurt/);
    expect(history).toMatch(/Labels\s*:.*Goed werk.*Verbindingen.*Onderwijs/);
    expect(history).toContain("De tekst bleef gelijk.");

    const found = visibleText(await (await visitor().get("/search?q=werkgeluk")).text());
    expect(found).toContain("Werkgeluk in de buurt");
    expect(visibleText(await (await visitor().get("/search?q=werkplezier")).text())).not.toContain("Werkplezier in de wijk");

    expect(visibleText(await (await visitor().get(`/g/${CIRCLE}`)).text())).toContain("Werkgeluk in de buurt");
    const feed = await (await visitor().get(`/g/${CIRCLE}/feed.xml`)).text();
    expect(feed).toContain("Werkgeluk in de buurt");
    expect(feed).not.toContain("Werkplezier in de wijk");
    const sitemap = await (await visitor().get("/sitemaps/threads-1.xml")).text();
    if (sitemap.includes(`/t/${thread.id}/`)) expect(sitemap).toContain(`/t/${thread.id}/werkgeluk-in-de-buurt`);

    // Saving the same again changes nothing and keeps no empty revision.
    const again = await carmen.post(`/posts/${opening.id}/edit`, {
      intent: "save",
      version: String(opening.version + 1),
      title: "Werkgeluk in de buurt",
      "principle-verbindingen": "on",
      "tag-onderwijs": "on",
      body: opening.body_markdown,
    });
    expect(again.status).toBe(302);
    const revisions = await forum.handle.db.selectFrom("post_revisions").select("id").where("post_id", "=", opening.id).execute();
    expect(revisions).toHaveLength(1);
  });

  it("lets hosts change the title and tags of someone else's thread from the host tools, into the audit log", async () => {
    const carmen = await as("carmen");
    const anna = await as("anna");
    const { thread, opening, path } = await startThread(carmen, "Vraag over roosters", { "principle-goed-werk": "on" });

    const asHost = await (await anna.get(path)).text();
    expect(asHost).toContain(`href="/t/${thread.id}/edit"`);
    expect(visibleText(asHost)).toContain("Titel en labels wijzigen");
    expect(await (await carmen.get(path)).text()).not.toContain(`href="/t/${thread.id}/edit"`);

    const form = await anna.get(`/t/${thread.id}/edit`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="Vraag over roosters"');
    const saved = await anna.post(`/t/${thread.id}/edit`, { version: String(opening.version), title: "Roosters in de zorg", "principle-goed-werk": "on", "tag-zorg-en-welzijn": "on" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/t/${thread.id}/roosters-in-de-zorg`);

    const entry = await forum.handle.db.selectFrom("audit_log").selectAll().where("action", "=", "thread.retitle").where("post_id", "=", opening.id).executeTakeFirstOrThrow();
    expect(entry.target_label).toBe("Vraag over roosters → Roosters in de zorg");
    const log = visibleText(await (await anna.get(`/g/${CIRCLE}/audit`)).text());
    expect(log).toContain("titel of labels van gesprek gewijzigd");

    // The body is untouched; the history names who changed what.
    const after = await forum.handle.db.selectFrom("posts").select(["body_markdown", "version"]).where("id", "=", opening.id).executeTakeFirstOrThrow();
    expect(after.body_markdown).toBe(opening.body_markdown);
    expect(after.version).toBe(opening.version + 1);
    const history = visibleText(await (await carmen.get(`/posts/${opening.id}/history`)).text());
    expect(history).toContain("Bewerkt door @anna");
    expect(history).toMatch(/Titel\s*:\s*Vraag over roosters\s+Roosters in de zorg/);

    // The author's own change through the title form is no moderation: no audit row.
    const own = await carmen.post(`/t/${thread.id}/edit`, { version: String(after.version), title: "Roosters in de zorg en het onderwijs", "principle-goed-werk": "on" });
    expect(own.status).toBe(302);
    const entries = await forum.handle.db.selectFrom("audit_log").select("id").where("action", "=", "thread.retitle").where("post_id", "=", opening.id).execute();
    expect(entries).toHaveLength(1);
  });

  it("refuses other members, visitors and those who cannot see the circle", async () => {
    const carmen = await as("carmen");
    const daan = await as("daan");
    const { thread, opening } = await startThread(carmen, "Niet van jou");
    const fields = { version: String(opening.version), title: "Overgenomen titel" };
    expect((await daan.get(`/t/${thread.id}/edit`)).status).toBe(403);
    const refused = await daan.post(`/t/${thread.id}/edit`, fields);
    expect(refused.status).toBe(403);
    expect((await daan.get(`/posts/${opening.id}/edit`)).status).toBe(403);
    expect((await daan.post(`/posts/${opening.id}/edit`, { ...fields, intent: "save", body: "Weg ermee" })).status).toBe(403);
    const anonymous = await visitor().get(`/t/${thread.id}/edit`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    expect((await visitor().post(`/t/${thread.id}/edit`, fields)).status).toBeGreaterThanOrEqual(300);
    // A thread in a private circle carmen is not in: missing.
    const hidden = await forum.handle.db.selectFrom("threads").select("id").where("title", "=", "Casus: de werkdruk in het wijkteam").executeTakeFirstOrThrow();
    expect((await carmen.get(`/t/${hidden.id}/edit`)).status).toBe(404);
    expect((await carmen.post(`/t/${hidden.id}/edit`, fields)).status).toBe(404);
    expect((await carmen.get("/t/99999999/edit")).status).toBe(404);
    const unchanged = await forum.handle.db.selectFrom("threads").select("title").where("id", "=", thread.id).executeTakeFirstOrThrow();
    expect(unchanged.title).toBe("Niet van jou");

    // Banned from the circle, the author no longer changes the title others see in every list.
    const bram = await as("bram");
    const carmenId = (await forum.handle.db.selectFrom("members").select("id").where("username", "=", "carmen").executeTakeFirstOrThrow()).id;
    expect((await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "ban", id: carmenId, reason: "Test" })).status).toBeLessThan(400);
    expect((await carmen.post(`/t/${thread.id}/edit`, fields)).status).toBe(403);
    const still = await forum.handle.db.selectFrom("threads").select("title").where("id", "=", thread.id).executeTakeFirstOrThrow();
    expect(still.title).toBe("Niet van jou");
    expect((await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "unban", id: carmenId })).status).toBeLessThan(400);
    // Back in the circle for the tests that follow.
    const group = await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "goed-werk-in-de-praktijk").executeTakeFirstOrThrow();
    await forum.handle.db.insertInto("group_members").values({ group_id: group.id, member_id: carmenId, role: "member" }).onConflict((oc) => oc.doNothing()).execute();
  });

  it("answers an edit made in two tabs with the conflict, keeping what the second typed", async () => {
    const carmen = await as("carmen");
    const anna = await as("anna");
    const { opening, thread } = await startThread(carmen, "Twee tabbladen");
    const first = await carmen.post(`/posts/${opening.id}/edit`, { intent: "save", version: String(opening.version), title: "Eerste tabblad", body: opening.body_markdown });
    expect(first.status).toBe(302);
    const second = await carmen.post(`/posts/${opening.id}/edit`, { intent: "save", version: String(opening.version), title: "Tweede tabblad", body: "Mijn tweede tekst" });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(visibleText(html)).toContain("Iemand anders heeft dit bericht intussen gewijzigd");
    expect(visibleText(html)).toContain("Nu geplaatst: “Eerste tabblad”");
    expect(html).toContain('value="Tweede tabblad"');
    expect(html).toContain("Mijn tweede tekst");
    expect(html).toContain(`name="version" value="${opening.version + 1}"`);

    // The host's form is guarded by the same version.
    const stale = await anna.post(`/t/${thread.id}/edit`, { version: String(opening.version), title: "Derde tabblad" });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(visibleText(staleHtml)).toContain("Iemand anders heeft de titel, labels of tekst intussen gewijzigd");
    expect(staleHtml).toContain('value="Derde tabblad"');
    const now = await forum.handle.db.selectFrom("threads").select("title").where("id", "=", thread.id).executeTakeFirstOrThrow();
    expect(now.title).toBe("Eerste tabblad");
  });

  it("refuses a bad title or bad tags with a translated message and keeps what was typed", async () => {
    const carmen = await as("carmen");
    const anna = await as("anna");
    const { opening, thread } = await startThread(carmen, "Goede titel");
    const edit = (fields: Record<string, string>) =>
      carmen.post(`/posts/${opening.id}/edit`, { intent: "save", version: String(opening.version), body: "Mijn bewerkte tekst blijft", ...fields });
    const cases: Array<[Record<string, string>, string]> = [
      [{ title: "" }, "Een titel heeft 3 tot 200 tekens."],
      [{ title: "Hi" }, "Een titel heeft 3 tot 200 tekens."],
      [{ title: "x".repeat(201) }, "Een titel heeft 3 tot 200 tekens."],
      [{ title: "Goede titel", "tag-bestaat-niet": "on" }, "Kies labels uit de lijst."],
      [{ title: "Goede titel", "principle-bestaat-niet": "on" }, "Kies labels uit de lijst."],
      [
        {
          title: "Goede titel",
          ...Object.fromEntries(["leren-en-realiseren", "goed-werk", "positief-mensbeeld", "verbindingen", "ecologisch-perspectief"].map((s) => [`principle-${s}`, "on"])),
          "tag-onderwijs": "on",
        },
        "Kies hoogstens vijf labels, visiepunten meegeteld.",
      ],
    ];
    for (const [fields, message] of cases) {
      const response = await edit(fields);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const html = await response.text();
      expect(visibleText(html)).toContain(message);
      expect(html).toContain("Mijn bewerkte tekst blijft");
      if (fields.title) expect(html).toContain(`value="${fields.title}"`);
      if (fields["tag-onderwijs"]) expect(html).toMatch(/name="tag-onderwijs" checked=""/);
    }
    const hostTooShort = await anna.post(`/t/${thread.id}/edit`, { version: String(opening.version), title: "Hi", "tag-onderwijs": "on" });
    expect(hostTooShort.status).toBe(400);
    const hostHtml = await hostTooShort.text();
    expect(visibleText(hostHtml)).toContain("Een titel heeft 3 tot 200 tekens.");
    expect(hostHtml).toContain('value="Hi"');
    expect(hostHtml).toMatch(/name="tag-onderwijs" checked=""/);
    const hostUnknown = await anna.post(`/t/${thread.id}/edit`, { version: String(opening.version), title: "Goede titel", "tag-bestaat-niet": "on" });
    expect(hostUnknown.status).toBe(400);
    const unchanged = await forum.handle.db.selectFrom("threads").select("title").where("id", "=", thread.id).executeTakeFirstOrThrow();
    expect(unchanged.title).toBe("Goede titel");
  });

  it("never lets a title take the address of the title form", async () => {
    const carmen = await as("carmen");
    const { thread, path } = await startThread(carmen, "Edit");
    expect(path).not.toBe(`/t/${thread.id}/edit`);
    expect((await carmen.get(path)).status).toBe(200);
  });
});

describe("reactions on one's own post", () => {
  it("are not offered, and a crafted request is refused with a message", async () => {
    const carmen = await as("carmen");
    const eva = await as("eva");
    const { thread, opening, path } = await startThread(carmen, "Mijn eigen bericht");
    expect((await eva.post(path, { intent: "post", body: "Een antwoord van Eva.", idempotencyKey: key() })).status).toBe(302);
    const html = await (await carmen.get(path)).text();
    expect(postHtml(html, 1)).not.toContain('value="react"');
    expect(postHtml(html, 2)).toContain('value="react"');

    const crafted = await carmen.post(path, { intent: "react", postId: String(opening.id), kind: "heart" });
    expect(crafted.status).toBe(403);
    const refusal = await crafted.text();
    expect(visibleText(refusal)).toContain("Op je eigen bericht kun je zelf geen waardering geven.");
    const given = await forum.handle.db.selectFrom("post_reactions").select("member_id").where("post_id", "=", opening.id).execute();
    expect(given).toEqual([]);
    // Others still can; with JavaScript (`stay`) the answer is no redirect to the post's anchor.
    expect((await eva.post(path, { intent: "react", postId: String(opening.id), kind: "heart" })).status).toBe(302);
    const stayed = await eva.post(path, { intent: "react", postId: String(opening.id), kind: "thanks", stay: "1" });
    expect(stayed.status).toBe(200);
    expect(stayed.headers.get("location")).toBeNull();
    expect(await forum.handle.db.selectFrom("post_reactions").select("kind").where("post_id", "=", opening.id).orderBy("kind").execute()).toEqual([
      { kind: "heart" },
      { kind: "thanks" },
    ]);
    expect(thread.id).toBeGreaterThan(0);
  });

  it("are not in the demo network", async () => {
    const own = await forum.handle.db
      .selectFrom("post_reactions")
      .innerJoin("posts", "posts.id", "post_reactions.post_id")
      .select("posts.id")
      .whereRef("posts.author_id", "=", "post_reactions.member_id")
      .execute();
    expect(own).toEqual([]);
  });
});

describe("the new marker in thread lists", () => {
  it("does not show on a thread whose last post is the reader's own", async () => {
    const eva = await as("eva");
    const daan = await as("daan");
    const { path } = await startThread(eva, "Markering na eigen bericht");
    // Daan replies without ever opening the thread page.
    expect((await daan.post(path, { intent: "post", body: "Mijn eerste reactie hier.", idempotencyKey: key() })).status).toBe(302);
    const list = visibleText(await (await daan.get(`/g/${CIRCLE}`)).text());
    expect(sectionAfter(list, "Markering na eigen bericht")).not.toMatch(/nieuw|ongelezen/);
    // Someone else's reply after it is new for him again.
    expect((await eva.post(path, { intent: "post", body: "Dank je, Daan.", idempotencyKey: key() })).status).toBe(302);
    const later = visibleText(await (await daan.get(`/g/${CIRCLE}`)).text());
    expect(sectionAfter(later, "Markering na eigen bericht")).toMatch(/ongelezen|nieuw/);
  });
});
