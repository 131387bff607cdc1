import { describe, expect, it } from "vitest";
import { isMember } from "../../app/auth/policy";
import { guardianFor } from "../../app/auth/guardian.server";
import { replyToThread } from "../../app/domain/threads/posting.server";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";

const { forum, visitor, as } = withSeededForum(2);
let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Date.now()}`;
const threadBySlugPart = async (title: string) =>
  forum.handle.db.selectFrom("threads").selectAll().where("title", "=", title).executeTakeFirstOrThrow();

const newThread = (fields: Record<string, string>) => ({
  intent: "post",
  title: "Een nieuw gesprek",
  body: "Wat vinden jullie?",
  idempotencyKey: key(),
  ...fields,
});

describe("starting a conversation", () => {
  it("creates the thread with its first post and tags, and shows it in the circle, on the principle page and at home", async () => {
    const carmen = await as("carmen");
    const response = await carmen.post(
      "/g/goed-werk-in-de-praktijk/new",
      newThread({ title: "Leren van fouten in de zorg", body: "Hoe doen jullie **dat**?", "principle-leren-en-realiseren": "on" }),
    );
    expect(response.status).toBe(302);
    const thread = await threadBySlugPart("Leren van fouten in de zorg");
    expect(response.headers.get("location")).toBe(`/t/${thread.id}/leren-van-fouten-in-de-zorg`);
    const page = await (await visitor().get(`/t/${thread.id}/leren-van-fouten-in-de-zorg`)).text();
    expect(page).toContain("<strong>dat</strong>");
    expect(visibleText(page)).toContain("Leren en realiseren");
    for (const path of ["/g/goed-werk-in-de-praktijk", "/p/leren-en-realiseren", "/"]) {
      expect(visibleText(await (await visitor().get(path)).text()), path).toContain("Leren van fouten in de zorg");
    }
  });

  it("rejects bad input with clear messages and keeps everything typed", async () => {
    const carmen = await as("carmen");
    const tooShort = await carmen.post(
      "/g/goed-werk-in-de-praktijk/new",
      newThread({ title: "Hi", body: "Mijn lange tekst blijft staan", "principle-goed-werk": "on" }),
    );
    expect(tooShort.status).toBe(400);
    const html = await tooShort.text();
    expect(visibleText(html)).toContain("Een titel heeft 3 tot 200 tekens.");
    expect(html).toContain("Mijn lange tekst blijft staan");
    expect(html).toMatch(/name="principle-goed-werk" checked=""/);
    const allSix = Object.fromEntries(
      ["leren-en-realiseren", "goed-werk", "positief-mensbeeld", "verbindingen", "ecologisch-perspectief", "bestaat-niet"].map((s) => [`principle-${s}`, "on"]),
    );
    const tooMany = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread(allSix));
    expect(tooMany.status).toBe(400);
    expect(visibleText(await tooMany.text())).toContain("Kies hoogstens vijf labels, visiepunten meegeteld.");
    const empty = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ body: "   " }));
    expect(visibleText(await empty.text())).toContain("Schrijf eerst iets.");
    const nul = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ body: "a\u0000b" }));
    expect(nul.status).toBe(422);
    const huge = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ body: "x".repeat(32001) }));
    expect(huge.status).toBe(400);
    expect(visibleText(await huge.text())).toContain("hoogstens 32.000 tekens");
  });

  it("refuses a title with bidirectional controls with a translated message, keeping what was typed", async () => {
    const carmen = await as("carmen");
    const title = "Factuur \u202Efdp.exe";
    const refused = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ title, body: "Mijn tekst blijft staan" }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(visibleText(html)).toContain("Dit bevat onzichtbare stuurtekens");
    expect(html).toContain(`value="${title}"`);
    expect(html).toContain("Mijn tekst blijft staan");
    expect(await forum.handle.db.selectFrom("threads").select("id").where("title", "like", "%\u202E%").execute()).toEqual([]);
  });

  it("is for members of the circle only (403), and the page of a private circle stays 404 to outsiders", async () => {
    await createMember(forum.handle.db, "buitenstaander");
    const outsider = await as("buitenstaander", FIXTURE_PASSWORD);
    expect((await outsider.get("/g/goed-werk-in-de-praktijk/new")).status).toBe(403);
    expect((await outsider.post("/g/goed-werk-in-de-praktijk/new", newThread({}))).status).toBe(403);
    expect((await outsider.post("/g/leerkring-vakmanschap/new", newThread({}))).status).toBe(404);
    expect((await visitor().get("/g/goed-werk-in-de-praktijk/new")).status).toBe(302);
  });

  it("makes one thread of a double submit", async () => {
    const carmen = await as("carmen");
    const fields = newThread({ title: "Dubbel verstuurd" });
    const [first, second] = await Promise.all([
      carmen.post("/g/goed-werk-in-de-praktijk/new", fields),
      carmen.post("/g/goed-werk-in-de-praktijk/new", fields),
    ]);
    expect(first.headers.get("location")).toBe(second.headers.get("location"));
    const rows = await forum.handle.db.selectFrom("threads").select("id").where("title", "=", "Dubbel verstuurd").execute();
    expect(rows).toHaveLength(1);
  });

  it("previews through the same sanitiser without saving anything", async () => {
    const carmen = await as("carmen");
    const before = await forum.handle.db.selectFrom("threads").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const preview = await carmen.post(
      "/g/goed-werk-in-de-praktijk/new",
      newThread({ intent: "preview", title: "Voorbeeld", body: "# Kop\n<script>alert(1)</script> [x](javascript:alert(1))" }),
    );
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("<h3>Kop</h3>");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('value="Voorbeeld"');
    const after = await forum.handle.db.selectFrom("threads").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    // A preview refuses what posting would refuse, with the same message, and keeps the text.
    const reversed = await carmen.post(
      "/g/goed-werk-in-de-praktijk/new",
      newThread({ intent: "preview", title: "Voorbeeld", body: "Factuur \u202Efdp.exe" }),
    );
    expect(reversed.status).toBe(400);
    const page = await reversed.text();
    expect(visibleText(page)).toContain("Dit bevat onzichtbare stuurtekens");
    expect(page).toContain("Factuur \u202Efdp.exe");
  });
});

describe("private conversations", () => {
  it("never show up for outsiders: not the thread, not in lists", async () => {
    const thread = await threadBySlugPart("Casus: de werkdruk in het wijkteam");
    const missing = await visitor().get("/t/999999/x");
    expect(missing.status).toBe(404);
    for (const client of [visitor(), await as("eva")]) {
      expect((await client.get(`/t/${thread.id}`)).status).toBe(404);
      expect((await client.get(`/t/${thread.id}/casus-de-werkdruk-in-het-wijkteam`)).status).toBe(404);
      expect((await client.post(`/t/${thread.id}/x`, { intent: "post", body: "Hoi", idempotencyKey: key() })).status).toBe(404);
      expect((await client.post(`/t/${thread.id}/x`, { intent: "preview", body: "Hoi", idempotencyKey: key() })).status).toBe(404);
      for (const path of ["/", "/p/ecologisch-perspectief", "/p/goed-werk"]) {
        expect(visibleText(await (await client.get(path)).text()), path).not.toContain("werkdruk in het wijkteam");
      }
    }
    const daan = await as("daan");
    expect((await daan.get(`/t/${thread.id}/casus-de-werkdruk-in-het-wijkteam`)).status).toBe(200);
  });
});

describe("replies", () => {
  it("get the next number, land at their anchor, and a double submit makes one reply", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const daan = await as("daan");
    const fields = { intent: "post", body: "Nog een gedachte", idempotencyKey: key() };
    const first = await daan.post(`/t/${thread.id}/${thread.slug}`, fields);
    const again = await daan.post(`/t/${thread.id}/${thread.slug}`, fields);
    expect(first.status).toBe(302);
    const number = thread.post_count + 1;
    expect(first.headers.get("location")).toBe(`/t/${thread.id}/${thread.slug}#post-${number}`);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const page = await (await visitor().get(`/t/${thread.id}/${thread.slug}`)).text();
    expect(page).toContain(`id="post-${number}"`);
    expect(visibleText(page)).toContain("Nog een gedachte");
  });

  it("numbers concurrent replies without gaps or collisions", async () => {
    const thread = await threadBySlugPart("Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    const members = await forum.handle.db.selectFrom("members").selectAll().where("username", "in", ["anna", "bram", "carmen", "daan", "eva"]).execute();
    const actors = members.map((m) => ({
      kind: "member" as const,
      id: m.id,
      username: m.username,
      displayName: m.display_name,
      siteRole: m.site_role,
      emailVerified: true,
      locale: null,
      timeZone: "Europe/Amsterdam",
    }));
    const results = await Promise.all(
      actors.flatMap((actor) => [1, 2].map((i) => replyToThread(forum.handle.db, guardianFor(forum.handle.db, actor), thread.id, { body: `Tegelijk ${i}`, idempotencyKey: key() }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(actors.every(isMember)).toBe(true);
    const numbers = (await forum.handle.db.selectFrom("posts").select("number").where("thread_id", "=", thread.id).orderBy("number").execute()).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const updated = await forum.handle.db.selectFrom("threads").select("post_count").where("id", "=", thread.id).executeTakeFirstOrThrow();
    expect(updated.post_count).toBe(numbers.length);
  });

  it("are refused in a locked thread except from hosts", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    await forum.handle.db.updateTable("threads").set({ locked: true }).where("id", "=", thread.id).execute();
    const eva = await as("eva");
    const refused = await eva.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: "Mag dit?", idempotencyKey: key() });
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(visibleText(html)).toContain("Dit gesprek is gesloten");
    const bram = await as("bram");
    expect((await bram.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: "Als gastheer wel", idempotencyKey: key() })).status).toBe(302);
    await forum.handle.db.updateTable("threads").set({ locked: false }).where("id", "=", thread.id).execute();
  });

  it("are rate-limited per person with 429 and Retry-After, keeping the text", async () => {
    await createMember(forum.handle.db, "veelschrijver");
    await forum.handle.db
      .insertInto("group_members")
      .values({
        group_id: (await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "goed-werk-in-de-praktijk").executeTakeFirstOrThrow()).id,
        member_id: (await forum.handle.db.selectFrom("members").select("id").where("username", "=", "veelschrijver").executeTakeFirstOrThrow()).id,
        role: "member",
      })
      .execute();
    const writer = await as("veelschrijver", FIXTURE_PASSWORD);
    const thread = await threadBySlugPart("Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    let last: Response | undefined;
    for (let i = 0; i < 21; i++) {
      last = await writer.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: `Bericht ${i} met tekst`, idempotencyKey: key() });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toContain("Bericht 20 met tekst");
  });

  it("spread over pages of 25 with stable addresses", async () => {
    const thread = await threadBySlugPart("Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    const count = (await forum.handle.db.selectFrom("threads").select("post_count").where("id", "=", thread.id).executeTakeFirstOrThrow()).post_count;
    expect(count).toBeGreaterThan(25);
    const second = await (await visitor().get(`/t/${thread.id}/${thread.slug}?page=2`)).text();
    expect(second).toContain('id="post-26"');
    expect(second).not.toContain('id="post-25"');
    expect((await visitor().get(`/t/${thread.id}/${thread.slug}?page=99`)).status).toBe(404);
    expect((await visitor().get(`/t/${thread.id}/${thread.slug}?page=abc`)).status).toBe(404);
    const old = await visitor().get(`/t/${thread.id}/oude-titel?page=2`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/t/${thread.id}/${thread.slug}?page=2`);
  });
});

describe("editing, deleting, pinning and locking", () => {
  async function newPost(username: string, body: string) {
    const client = await as(username);
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const response = await client.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body, idempotencyKey: key() });
    const number = Number(/#post-(\d+)$/.exec(response.headers.get("location")!)![1]);
    const post = await forum.handle.db.selectFrom("posts").selectAll().where("thread_id", "=", thread.id).where("number", "=", number).executeTakeFirstOrThrow();
    return { client, thread, post };
  }

  it("lets authors edit their posts, keeps the history with what changed, and answers 409 to a stale edit", async () => {
    const { client, post } = await newPost("eva", "Eerste versie van mijn gedachte");
    expect((await client.get(`/posts/${post.id}/edit`)).status).toBe(200);
    const saved = await client.post(`/posts/${post.id}/edit`, { intent: "save", version: "1", body: "Tweede versie van mijn gedachte" });
    expect(saved.status).toBe(302);
    const stale = await client.post(`/posts/${post.id}/edit`, { intent: "save", version: "1", body: "Mijn tekst die niet verloren mag gaan" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Mijn tekst die niet verloren mag gaan");
    expect(visibleText(html)).toContain("Tweede versie van mijn gedachte");
    expect(visibleText(html)).toContain("Iemand anders heeft dit bericht intussen gewijzigd.");
    const history = await (await visitor().get(`/posts/${post.id}/history`)).text();
    expect(history).toContain("<del>Eerste</del>");
    expect(history).toContain("<ins>Tweede</ins>");
    // Someone else's post: visible but not theirs to edit.
    const other = await as("daan");
    expect((await other.get(`/posts/${post.id}/edit`)).status).toBe(403);
    expect((await other.post(`/posts/${post.id}/edit`, { intent: "save", version: "2", body: "Overgenomen" })).status).toBe(403);
    expect((await other.get(`/posts/99999999/edit`)).status).toBe(404);
  });

  it("deletes a post as its author or a host, leaving a placeholder, and logs a host's deletion", async () => {
    const { client, thread, post } = await newPost("daan", "Dit haal ik weer weg");
    expect((await (await as("eva")).post(`/t/${thread.id}/${thread.slug}`, { intent: "delete", postId: String(post.id) })).status).toBe(403);
    expect((await client.post(`/t/${thread.id}/${thread.slug}`, { intent: "delete", postId: String(post.id) })).status).toBe(302);
    const page = await (await visitor().get(`/t/${thread.id}/${thread.slug}?page=1`)).text();
    expect(visibleText(page)).not.toContain("Dit haal ik weer weg");
    const second = await newPost("carmen", "Een bericht dat de gastheer weghaalt");
    const bram = await as("bram");
    expect((await bram.post(`/t/${second.thread.id}/${second.thread.slug}`, { intent: "delete", postId: String(second.post.id) })).status).toBe(302);
    const actions = (await forum.handle.db.selectFrom("audit_log").select("action").execute()).map((r) => r.action);
    expect(actions).toContain("post.delete");
  });

  it("lets hosts pin and lock a thread (audited), and nobody else", async () => {
    const thread = await threadBySlugPart("Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    const carmen = await as("carmen");
    expect((await carmen.post(`/t/${thread.id}/${thread.slug}`, { intent: "pin" })).status).toBe(403);
    const bram = await as("bram");
    expect((await bram.post(`/t/${thread.id}/${thread.slug}`, { intent: "pin" })).status).toBe(302);
    const list = visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk")).text());
    expect(list.indexOf("Eerste opdracht als zelfstandige")).toBeLessThan(list.indexOf("Wanneer voelt werk"));
    expect(list).toContain("vastgezet");
    expect((await bram.post(`/t/${thread.id}/${thread.slug}`, { intent: "lock" })).status).toBe(302);
    const refused = await carmen.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: "Nog iets", idempotencyKey: key() });
    expect(refused.status).toBe(403);
    await bram.post(`/t/${thread.id}/${thread.slug}`, { intent: "unlock" });
    await bram.post(`/t/${thread.id}/${thread.slug}`, { intent: "unpin" });
    const actions = (await forum.handle.db.selectFrom("audit_log").select("action").execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["thread.pin", "thread.lock", "thread.unlock", "thread.unpin"]));
  });
});

describe("hosts hide, restore and move", () => {
  it("hide a post with a reason: its author and hosts still read it, marked; others see the reason only; restoring brings it back", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const daan = await as("daan");
    const made = await daan.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: "Een scherpe opmerking over collega X", idempotencyKey: key() });
    const number = Number(/#post-(\d+)$/.exec(made.headers.get("location")!)![1]);
    const post = await forum.handle.db.selectFrom("posts").select("id").where("thread_id", "=", thread.id).where("number", "=", number).executeTakeFirstOrThrow();
    const url = `/t/${thread.id}/${thread.slug}`;
    const carmen = await as("carmen");
    expect((await carmen.post(url, { intent: "hide", postId: String(post.id), reason: "Ik vind het niks" })).status).toBe(403);
    const bram = await as("bram");
    const noReason = await bram.post(url, { intent: "hide", postId: String(post.id), reason: "   " });
    expect(noReason.status).toBe(400);
    expect(visibleText(await noReason.text())).toContain("Geef een reden op");
    expect((await bram.post(url, { intent: "hide", postId: String(post.id), reason: "Persoonlijk over een collega" })).status).toBe(302);

    const asVisitor = visibleText(await (await visitor().get(url)).text());
    expect(asVisitor).not.toContain("Een scherpe opmerking");
    expect(asVisitor).toContain("Verborgen door een gastheer of gastvrouw. Reden: Persoonlijk over een collega");
    expect(visibleText(await (await carmen.get(url)).text())).not.toContain("Een scherpe opmerking");
    for (const reader of [daan, bram]) {
      const text = visibleText(await (await reader.get(url)).text());
      expect(text).toContain("Een scherpe opmerking over collega X");
      expect(text).toContain("Reden: Persoonlijk over een collega");
    }
    // Not reactable while hidden by those who cannot read it: missing, as on the page; its author and the hosts still can.
    const reactions = () => forum.handle.db.selectFrom("post_reactions").select("member_id").where("post_id", "=", post.id).execute();
    expect((await carmen.post(url, { intent: "react", postId: String(post.id), kind: "heart" })).status).toBe(404);
    expect(await reactions()).toEqual([]);
    expect((await bram.post(url, { intent: "react", postId: String(post.id), kind: "heart" })).status).toBe(302);
    expect(await reactions()).toHaveLength(1);
    expect((await bram.post(url, { intent: "react", postId: String(post.id), kind: "heart" })).status).toBe(302);
    // Not quotable while hidden, not on the author's public profile.
    expect(await (await daan.get(`${url}?quote=${post.id}`)).text()).not.toContain("&gt; Een scherpe opmerking");
    expect(visibleText(await (await visitor().get("/u/daan")).text())).not.toContain("Een scherpe opmerking");

    expect((await bram.post(url, { intent: "restore", postId: String(post.id) })).status).toBe(302);
    expect(visibleText(await (await visitor().get(url)).text())).toContain("Een scherpe opmerking over collega X");
    const log = await forum.handle.db.selectFrom("audit_log").select(["action", "reason"]).where("action", "in", ["post.hide", "post.restore"]).execute();
    expect(log).toEqual(expect.arrayContaining([{ action: "post.hide", reason: "Persoonlijk over een collega" }, { action: "post.restore", reason: "" }]));
  });

  it("hiding the opening post hides the thread from lists and replies; deleting it removes the thread", async () => {
    const carmen = await as("carmen");
    const started = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ title: "Een gesprek dat verdwijnt", body: "Openingsbericht" }));
    const url = started.headers.get("location")!;
    const thread = await threadBySlugPart("Een gesprek dat verdwijnt");
    const opening = await forum.handle.db.selectFrom("posts").select("id").where("thread_id", "=", thread.id).where("number", "=", 1).executeTakeFirstOrThrow();
    const bram = await as("bram");
    await bram.post(url, { intent: "hide", postId: String(opening.id), reason: "Hoort in een andere kring" });
    expect((await visitor().get(url)).status).toBe(404);
    expect(visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk")).text())).not.toContain("Een gesprek dat verdwijnt");
    expect(visibleText(await (await bram.get("/g/goed-werk-in-de-praktijk")).text())).toContain("Een gesprek dat verdwijnt");
    expect((await carmen.get(url)).status).toBe(200);
    const refused = await carmen.post(url, { intent: "post", body: "Mag ik nog iets zeggen?", idempotencyKey: key() });
    expect(refused.status).toBe(409);
    const refusedHtml = await refused.text();
    expect(visibleText(refusedHtml)).toContain("er kan niet op gereageerd worden tot het terug is");
    expect(refusedHtml).toContain("Mag ik nog iets zeggen?");
    await bram.post(url, { intent: "restore", postId: String(opening.id) });
    expect((await visitor().get(url)).status).toBe(200);

    expect((await carmen.post(url, { intent: "delete", postId: String(opening.id) })).status).toBe(302);
    expect((await visitor().get(url)).status).toBe(404);
    expect(visibleText(await (await visitor().get("/")).text())).not.toContain("Een gesprek dat verdwijnt");
    const gone = await bram.post(url, { intent: "post", body: "Nog een reactie", idempotencyKey: key() });
    expect(gone.status).toBe(410);
    expect(visibleText(await gone.text())).toContain("Dit gesprek is verwijderd");
  });

  it("move a thread only to a circle they also host, audited in both", async () => {
    const carmen = await as("carmen");
    await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ title: "Verhuisgesprek over vakmanschap", body: "Past beter in de leerkring" }));
    const thread = await threadBySlugPart("Verhuisgesprek over vakmanschap");
    const url = `/t/${thread.id}/${thread.slug}`;
    expect((await carmen.post(url, { intent: "move", group: "leerkring-vakmanschap" })).status).toBe(403);
    const bram = await as("bram");
    const bad = await bram.post(url, { intent: "move", group: "bestaat-niet" });
    expect(bad.status).toBe(400);
    expect(visibleText(await bad.text())).toContain("Kies een kring waarvan je gastheer of gastvrouw bent.");
    // daan hosts nothing: even as a member of both circles he cannot move.
    expect((await (await as("daan")).post(url, { intent: "move", group: "leerkring-vakmanschap" })).status).toBe(403);
    expect((await bram.post(url, { intent: "move", group: "leerkring-vakmanschap" })).status).toBe(302);
    // Now in a private circle: gone for visitors and for carmen (not a member there).
    expect((await visitor().get(url)).status).toBe(404);
    expect((await carmen.get(url)).status).toBe(404);
    expect(visibleText(await (await bram.get(url)).text())).toContain("Leerkring");
    const moves = await forum.handle.db.selectFrom("audit_log").select("group_id").where("action", "=", "thread.move").execute();
    expect(new Set(moves.map((m) => m.group_id)).size).toBe(2);
  });
});

describe("post history", () => {
  const historyOf = (id: number) => `/posts/${id}/history`;
  const dataOf = (id: number) => `/posts/${id}/history?_data=${encodeURIComponent("routes/posts.$id.history")}`;
  type Client = Awaited<ReturnType<typeof as>>;
  /** What a person gets for a post's history: 404 (like a missing post, same text) or the versions. */
  async function expectHidden(client: Client | ReturnType<typeof visitor>, id: number, words: string) {
    const missing = await client.get(historyOf(99999999));
    const page = await client.get(historyOf(id));
    expect(page.status).toBe(404);
    const text = visibleText(await page.text());
    expect(text).toBe(visibleText(await missing.text()));
    expect(text).not.toContain(words);
    const data = await client.get(dataOf(id));
    expect(data.status).toBe(404);
    const body = await data.text();
    expect(body).not.toContain(words);
    expect(body).toBe(await (await client.get(dataOf(99999999))).text());
  }
  async function expectShown(client: Client, id: number, words: string) {
    const page = await client.get(historyOf(id));
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain(words);
  }
  async function editedReply(username: string, threadUrl: string, words: string) {
    const client = await as(username);
    const made = await client.post(threadUrl, { intent: "post", body: `${words} eerst`, idempotencyKey: key() });
    expect(made.status).toBe(302);
    const threadId = Number(/^\/t\/(\d+)/.exec(threadUrl)![1]);
    const number = Number(/#post-(\d+)$/.exec(made.headers.get("location")!)![1]);
    const post = await forum.handle.db.selectFrom("posts").select("id").where("thread_id", "=", threadId).where("number", "=", number).executeTakeFirstOrThrow();
    expect((await client.post(`/posts/${post.id}/edit`, { intent: "save", version: "1", body: `${words} daarna` })).status).toBe(302);
    return { client, id: post.id };
  }

  it("of a hidden post is 404 for visitors and other members (also as route data), and readable for its author and the hosts", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const url = `/t/${thread.id}/${thread.slug}`;
    const { client: daan, id } = await editedReply("daan", url, "Geheime eerdere versie");
    await expectShown(await as("carmen"), id, "Geheime eerdere versie eerst");
    const bram = await as("bram");
    expect((await bram.post(url, { intent: "hide", postId: String(id), reason: "Persoonlijk" })).status).toBe(302);

    await expectHidden(visitor(), id, "Geheime eerdere versie");
    await expectHidden(await as("carmen"), id, "Geheime eerdere versie");
    // As on the thread page: the author and the hosts (and site admins) still read it.
    await expectShown(daan, id, "Geheime eerdere versie eerst");
    await expectShown(bram, id, "Geheime eerdere versie eerst");
    await expectShown(await as("anna"), id, "Geheime eerdere versie eerst");
  });

  it("of a deleted post is gone for everyone; in a hidden thread it stays with the thread's author and hosts, in a deleted one with the hosts", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const { client: eva, id: deleted } = await editedReply("eva", `/t/${thread.id}/${thread.slug}`, "Weggehaalde gedachte");
    expect((await eva.post(`/t/${thread.id}/${thread.slug}`, { intent: "delete", postId: String(deleted) })).status).toBe(302);
    for (const client of [visitor(), eva, await as("bram")]) await expectHidden(client, deleted, "Weggehaalde gedachte");

    const carmen = await as("carmen");
    const started = await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ title: "Een gesprek met geschiedenis", body: "Opening" }));
    const url = started.headers.get("location")!;
    const { client: daan, id: reply } = await editedReply("daan", url, "Antwoord in een verdwenen gesprek");
    const opening = await forum.handle.db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select("posts.id")
      .where("threads.title", "=", "Een gesprek met geschiedenis")
      .where("posts.number", "=", 1)
      .executeTakeFirstOrThrow();
    // A hidden thread stays with its author and the hosts, on the thread page and in the history alike.
    const bram = await as("bram");
    expect((await bram.post(url, { intent: "hide", postId: String(opening.id), reason: "Even niet" })).status).toBe(302);
    for (const client of [visitor(), daan]) {
      expect((await client.get(url)).status).toBe(404);
      await expectHidden(client, reply, "Antwoord in een verdwenen gesprek");
    }
    for (const client of [carmen, bram]) {
      expect((await client.get(url)).status).toBe(200);
      await expectShown(client, reply, "Antwoord in een verdwenen gesprek eerst");
    }
    expect((await bram.post(url, { intent: "restore", postId: String(opening.id) })).status).toBe(302);

    expect((await carmen.post(url, { intent: "delete", postId: String(opening.id) })).status).toBe(302);
    // The thread page and the history agree: only the circle's hosts still read the thread.
    for (const client of [visitor(), carmen, daan]) {
      expect((await client.get(url)).status).toBe(404);
      await expectHidden(client, reply, "Antwoord in een verdwenen gesprek");
    }
    expect((await bram.get(url)).status).toBe(200);
    await expectShown(bram, reply, "Antwoord in een verdwenen gesprek eerst");
  });
});

describe("theme tags", () => {
  it("are managed by hosts, chosen with principles up to five in all, and filter the circle's list", async () => {
    const bram = await as("bram");
    const carmen = await as("carmen");
    expect((await carmen.post("/g/goed-werk-in-de-praktijk/tags", { intent: "add", label: "Zorg" })).status).toBe(403);
    expect((await bram.post("/g/goed-werk-in-de-praktijk/tags", { intent: "add", label: "Mantelzorg en werk" })).status).toBe(200);
    const duplicate = await bram.post("/g/goed-werk-in-de-praktijk/tags", { intent: "add", label: "mantelzorg EN werk" });
    expect(duplicate.status).toBe(409);
    expect(visibleText(await duplicate.text())).toContain("Dit label bestaat al");
    expect((await bram.post("/g/goed-werk-in-de-praktijk/tags", { intent: "add", label: "Goed werk" })).status).toBe(409);
    expect((await bram.post("/g/goed-werk-in-de-praktijk/tags", { intent: "add", label: "x" })).status).toBe(400);

    const form = await (await carmen.get("/g/goed-werk-in-de-praktijk/new")).text();
    expect(form).toContain('name="tag-mantelzorg-en-werk"');
    const six = await carmen.post(
      "/g/goed-werk-in-de-praktijk/new",
      newThread({
        title: "Te veel labels",
        "tag-mantelzorg-en-werk": "on",
        ...Object.fromEntries(["leren-en-realiseren", "goed-werk", "positief-mensbeeld", "verbindingen", "ecologisch-perspectief"].map((s) => [`principle-${s}`, "on"])),
      }),
    );
    expect(six.status).toBe(400);
    expect(
      (
        await carmen.post(
          "/g/goed-werk-in-de-praktijk/new",
          newThread({ title: "Werk en zorg thuis combineren", "tag-mantelzorg-en-werk": "on", "principle-verbindingen": "on" }),
        )
      ).status,
    ).toBe(302);
    const filtered = visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk?tag=mantelzorg-en-werk")).text());
    expect(filtered).toContain("Werk en zorg thuis combineren");
    expect(filtered).not.toContain("Wanneer voelt werk voor jou als goed werk?");
    const byPrinciple = visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk?tag=verbindingen")).text());
    expect(byPrinciple).toContain("Werk en zorg thuis combineren");
    expect(visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk?tag=onbekend")).text())).toContain("Geen gesprekken met dit label.");
    const thread = await threadBySlugPart("Werk en zorg thuis combineren");
    expect(await (await visitor().get(`/t/${thread.id}/${thread.slug}`)).text()).toContain('href="/g/goed-werk-in-de-praktijk?tag=mantelzorg-en-werk"');
  });
});

describe("mention suggestions", () => {
  it("suggest members by the start of their username or name, for signed-in members only", async () => {
    expect((await visitor().get("/mentions?q=br")).status).toBe(401);
    const carmen = await as("carmen");
    const found = (await (await carmen.get("/mentions?q=br")).json()) as { members: Array<{ username: string }> };
    expect(found.members.map((m) => m.username)).toEqual(["bram"]);
    // Wildcards are matched literally, odd input gets an empty list, never an error.
    for (const q of ["%", "_", "b%25", "", "a".repeat(500), "'; drop table members; --"]) {
      const response = await carmen.get(`/mentions?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      expect(((await response.json()) as { members: unknown[] }).members, q).toEqual([]);
    }
  });
});

describe("reading positions", () => {
  it("mark unread threads for members and jump to the first unread post", async () => {
    const eva = await as("eva");
    const carmen = await as("carmen");
    await carmen.post("/g/goed-werk-in-de-praktijk/new", newThread({ title: "Ongelezen gesprek", body: "Eerste" }));
    const thread = await threadBySlugPart("Ongelezen gesprek");
    const url = `/t/${thread.id}/${thread.slug}`;
    const listItem = async () => {
      const text = visibleText(await (await eva.get("/g/goed-werk-in-de-praktijk")).text());
      return text.slice(text.indexOf("Ongelezen gesprek"), text.indexOf("Ongelezen gesprek") + 40);
    };
    expect(await listItem()).toContain("nieuw");
    expect(visibleText(await (await eva.get(url)).text())).not.toContain("Naar het eerste ongelezen bericht");
    expect(await listItem()).not.toMatch(/nieuw|ongelezen/);
    await carmen.post(url, { intent: "post", body: "Tweede", idempotencyKey: key() });
    await carmen.post(url, { intent: "post", body: "Derde", idempotencyKey: key() });
    expect(await listItem()).toContain("2 ongelezen");
    const page = await (await eva.get(url)).text();
    expect(visibleText(page)).toContain("Naar het eerste ongelezen bericht (#2)");
    expect(page).toContain(`href="${url}#post-2"`);
    expect(await listItem()).not.toContain("ongelezen");
    // Visitors get no markers at all.
    expect(visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk")).text())).not.toContain("ongelezen");
  });
});

describe("quotes, mentions and profiles", () => {
  it("links @mentions of members, records them, and leaves unknown names as text", async () => {
    const eva = await as("eva");
    const thread = await threadBySlugPart("Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    await eva.post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: "Dank @anna en @onbekende_persoon!", idempotencyKey: key() });
    const post = await forum.handle.db.selectFrom("posts").selectAll().where("body_markdown", "=", "Dank @anna en @onbekende_persoon!").executeTakeFirstOrThrow();
    expect(post.body_html).toContain('<a href="/u/anna" class="mention">@anna</a>');
    expect(post.body_html).toContain("@onbekende_persoon");
    const mentions = await forum.handle.db.selectFrom("post_mentions").innerJoin("members", "members.id", "post_mentions.member_id").select("members.username").where("post_id", "=", post.id).execute();
    expect(mentions.map((m) => m.username)).toEqual(["anna"]);
  });

  it("fills the reply box with a quote that links back, only for posts of this thread", async () => {
    const carmen = await as("carmen");
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const first = await forum.handle.db.selectFrom("posts").select(["id"]).where("thread_id", "=", thread.id).where("number", "=", 1).executeTakeFirstOrThrow();
    const page = await (await carmen.get(`/t/${thread.id}/${thread.slug}?quote=${first.id}`)).text();
    expect(page).toContain(`[@bram](/t/${thread.id}/${thread.slug}#post-1):\n&gt; Ik ben benieuwd naar jullie voorbeelden.`);
    const privateThread = await threadBySlugPart("Casus: de werkdruk in het wijkteam");
    const privatePost = await forum.handle.db.selectFrom("posts").select("id").where("thread_id", "=", privateThread.id).executeTakeFirstOrThrow();
    const leak = await (await carmen.get(`/t/${thread.id}/${thread.slug}?quote=${privatePost.id}`)).text();
    expect(leak).not.toContain("wachtlijst");
  });

  it("lists on a profile only the posts the viewer may see", async () => {
    const forVisitor = visibleText(await (await visitor().get("/u/anna")).text());
    expect(forVisitor).toContain("Eerste opdracht als zelfstandige");
    expect(forVisitor).not.toContain("Welkom in de kring van professionele vrienden");
    const forMember = visibleText(await (await (await as("eva")).get("/u/anna")).text());
    expect(forMember).toContain("Welkom in de kring van professionele vrienden");
  });
});

describe("deleting an account", () => {
  it("keeps the posts under 'former member', or removes their words, as the member chose", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const url = `/t/${thread.id}/${thread.slug}`;
    for (const [username, choice, words] of [
      ["blijver", "keep", "Deze woorden blijven staan"],
      ["vertrekker", "remove", "Deze woorden gaan mee weg"],
    ] as const) {
      await createMember(forum.handle.db, username);
      const client = await as(username, FIXTURE_PASSWORD);
      await client.post("/g/goed-werk-in-de-praktijk", { intent: "join" });
      expect((await client.post(url, { intent: "post", body: words, idempotencyKey: key() })).status).toBe(302);
      expect((await client.post("/settings/data", { posts: choice, currentPassword: FIXTURE_PASSWORD })).status).toBe(302);
    }
    const last = Math.ceil(((await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?")).post_count) / 25);
    const page = visibleText(await (await visitor().get(`${url}${last > 1 ? `?page=${last}` : ""}`)).text());
    expect(page).toContain("Deze woorden blijven staan");
    expect(page).toContain("oud-lid");
    expect(page).not.toContain("Deze woorden gaan mee weg");
    const stored = await forum.handle.db.selectFrom("posts").select("id").where("body_markdown", "like", "%gaan mee weg%").execute();
    expect(stored).toEqual([]);
  });
});

describe("reactions", () => {
  it("are given and taken back by members, one of each kind per person, and show who reacted", async () => {
    const thread = await threadBySlugPart("Wanneer voelt werk voor jou als goed werk?");
    const first = await forum.handle.db.selectFrom("posts").select("id").where("thread_id", "=", thread.id).where("number", "=", 1).executeTakeFirstOrThrow();
    const carmen = await as("carmen");
    const daan = await as("daan");
    const react = (client: typeof carmen, kind: string) =>
      client.post(`/t/${thread.id}/${thread.slug}`, { intent: "react", postId: String(first.id), kind });
    expect((await react(carmen, "insight")).status).toBe(302);
    expect((await react(daan, "insight")).status).toBe(302);
    const page = visibleText(await (await visitor().get(`/t/${thread.id}/${thread.slug}`)).text());
    expect(page).toContain("Inzichtelijk 2: Carmen Bakker, Daan Visser");
    expect((await react(carmen, "insight")).status).toBe(302);
    const count = await forum.handle.db.selectFrom("post_reactions").select((eb) => eb.fn.countAll<number>().as("n")).where("post_id", "=", first.id).where("kind", "=", "insight").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect((await react(carmen, "boos")).status).toBe(400);
    expect((await visitor().post(`/t/${thread.id}/${thread.slug}`, { intent: "react", postId: String(first.id), kind: "heart" })).status).toBe(302);
    await createMember(forum.handle.db, "niet.in.kring");
    const outsider = await as("niet.in.kring", FIXTURE_PASSWORD);
    expect((await react(outsider, "heart")).status).toBe(403);
    const privatePost = await forum.handle.db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select("posts.id")
      .where("threads.title", "=", "Casus: de werkdruk in het wijkteam")
      .executeTakeFirstOrThrow();
    expect((await carmen.post(`/t/${thread.id}/${thread.slug}`, { intent: "react", postId: String(privatePost.id), kind: "heart" })).status).toBe(404);
  });
});
