import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";
import { withSeededForum } from "../helpers/forum";

const { forum, as } = withSeededForum(7, { NEW_MEMBER_DAYS: "3", NEW_MEMBER_THREADS_PER_DAY: "2", NEW_MEMBER_LINKS_PER_POST: "2", NEW_MEMBER_MENTIONS_PER_POST: "2" });
let counter = 0;
const key = () => `new-member-${++counter}-${Date.now()}`;

describe("new members", () => {
  it("have limits on links, mentions and threads in their first days, until a host trusts them", async () => {
    const member = await createMember(forum.handle.db, "nieuwkomer");
    const client = await as(member.username, FIXTURE_PASSWORD);
    expect((await client.post("/g/goed-werk-in-de-praktijk", { intent: "join" })).status).toBe(302);
    const thread = await forum.handle.db.selectFrom("threads").select(["id", "slug"]).where("title", "=", "Wanneer voelt werk voor jou als goed werk?").executeTakeFirstOrThrow();
    const url = `/t/${thread.id}/${thread.slug}`;

    const links = await client.post(url, { intent: "post", body: "Zie https://a.example, https://b.example en https://c.example", idempotencyKey: key() });
    expect(links.status).toBe(422);
    const html = await links.text();
    expect(visibleText(html)).toContain("In je eerste dagen kan een bericht maar een paar links");
    expect(html).toContain("https://c.example");
    const mentions = await client.post(url, { intent: "post", body: "Hallo @bram @carmen @daan", idempotencyKey: key() });
    expect(mentions.status).toBe(422);
    expect(visibleText(await mentions.text())).toContain("kun je maar een paar mensen per bericht noemen");
    // Links inside the forum (a quote's link back) do not count.
    expect((await client.post(url, { intent: "post", body: `[@bram](${url}#post-1): > hallo\n\nZie https://a.example en https://b.example`, idempotencyKey: key() })).status).toBe(302);
    // An edit cannot add what a new post could not hold.
    const own = await forum.handle.db.selectFrom("posts").select(["id", "version"]).where("author_id", "=", member.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    const edited = await client.post(`/posts/${own.id}/edit`, { body: "Zie https://a.example, https://b.example en https://c.example", version: String(own.version) });
    expect(edited.status).toBe(422);
    const editHtml = await edited.text();
    expect(visibleText(editHtml)).toContain("In je eerste dagen kan een bericht maar een paar links");
    expect(editHtml).toContain("https://c.example");
    const editedMentions = await client.post(`/posts/${own.id}/edit`, { body: "Hallo @bram @carmen @daan", version: String(own.version) });
    expect(editedMentions.status).toBe(422);

    const start = (title: string) => client.post("/g/goed-werk-in-de-praktijk/new", { intent: "post", title, body: "Mijn vraag", idempotencyKey: key() });
    expect((await start("Eerste vraag van een nieuwkomer")).status).toBe(302);
    expect((await start("Tweede vraag van een nieuwkomer")).status).toBe(302);
    const third = await start("Derde vraag van een nieuwkomer");
    expect(third.status).toBe(429);
    expect(visibleText(await third.text())).toContain("In je eerste dagen kun je een paar gesprekken per dag starten");

    const bram = await as("bram");
    expect((await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "trust", id: member.id })).status).toBe(200);
    expect((await start("Derde vraag van een nieuwkomer")).status).toBe(302);
    // A long-standing member never had these limits.
    expect((await (await as("carmen")).post(url, { intent: "post", body: "Hallo @bram @daan @eva", idempotencyKey: key() })).status).toBe(302);
    expect((await (await as("carmen")).post("/g/goed-werk-in-de-praktijk/members", { intent: "trust", id: member.id })).status).toBe(403);
  });
});
