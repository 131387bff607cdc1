import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(6);
let counter = 0;
const key = () => `moderation-${++counter}-${Date.now()}`;

async function postIn(username: string, body: string, threadTitle = "Wanneer voelt werk voor jou als goed werk?") {
  const thread = await forum.handle.db.selectFrom("threads").select(["id", "slug"]).where("title", "=", threadTitle).executeTakeFirstOrThrow();
  const url = `/t/${thread.id}/${thread.slug}`;
  const response = await (await as(username)).post(url, { intent: "post", body, idempotencyKey: key() });
  const number = Number(/#post-(\d+)$/.exec(response.headers.get("location")!)![1]);
  const post = await forum.handle.db.selectFrom("posts").select("id").where("thread_id", "=", thread.id).where("number", "=", number).executeTakeFirstOrThrow();
  return { url, postId: String(post.id) };
}

const report = (client: Awaited<ReturnType<typeof as>>, url: string, postId: string, reason = "rude", text = "") =>
  client.post(url, { intent: "report", postId, reason, text });

describe("reports", () => {
  it("are offered per post as a link that opens that post's form, without sending a form for every post", async () => {
    const { url, postId } = await postIn("eva", "Een bericht om te melden.");
    const carmen = await as("carmen");
    const page = await (await carmen.get(url)).text();
    const number = (await forum.handle.db.selectFrom("posts").select("number").where("id", "=", Number(postId)).executeTakeFirstOrThrow()).number;
    expect(page).toContain(`href="${url}?report=${postId}#post-${number}"`);
    expect(visibleText(page)).not.toContain("Waarom meld je dit bericht?");
    const opened = await (await carmen.get(`${url}?report=${postId}`)).text();
    expect(opened.match(/Waarom meld je dit bericht\?/g)).toHaveLength(1);
    expect(opened).toContain(`id="report-${postId}-text"`);
    const sent = await carmen.post(`${url}?report=${postId}`, { intent: "report", postId, reason: "spam", text: "" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`${url}?reported=1`);
  });

  it("go once per member to the circle's hosts, collapse per post, and tell the reporters the outcome", async () => {
    const { url, postId } = await postIn("eva", "Wat een onzin, jullie snappen er niets van.");
    const carmen = await as("carmen");
    const daan = await as("daan");
    expect((await report(carmen, url, postId)).status).toBe(302);
    const twice = await report(carmen, url, postId);
    expect(twice.status).toBe(409);
    expect(visibleText(await twice.text())).toContain("Je hebt dit bericht al gemeld");
    const other = await report(daan, url, postId, "other", "");
    expect(other.status).toBe(400);
    expect(visibleText(await other.text())).toContain("Leg bij 'iets anders' kort uit wat er mis is.");
    expect((await report(daan, url, postId, "other", "Persoonlijke aanval")).status).toBe(302);
    expect((await report(await as("eva"), url, postId)).status).toBe(409);
    expect((await visitor().post(url, { intent: "report", postId, reason: "spam" })).status).toBe(302);

    // A private circle's post cannot be reported by someone who cannot see it.
    const hidden = await forum.handle.db.selectFrom("posts").innerJoin("threads", "threads.id", "posts.thread_id").select("posts.id").where("threads.title", "=", "Casus: de werkdruk in het wijkteam").executeTakeFirstOrThrow();
    expect((await report(carmen, url, String(hidden.id))).status).toBe(404);

    expect((await carmen.get("/g/goed-werk-in-de-praktijk/review")).status).toBe(403);
    const bram = await as("bram");
    const queue = visibleText(await (await bram.get("/g/goed-werk-in-de-praktijk/review")).text());
    expect(queue).toContain("2 melding(en)");
    expect(queue).toContain("Persoonlijke aanval");
    expect(visibleText(await (await (await as("anna")).get("/admin/review")).text())).toContain("Wat een onzin");

    const noReason = await bram.post("/g/goed-werk-in-de-praktijk/review", { postId, decision: "agree", reason: "", sanction: "warn" });
    expect(noReason.status).toBe(400);
    expect((await bram.post("/g/goed-werk-in-de-praktijk/review", { postId, decision: "agree", reason: "Op de persoon gespeeld", sanction: "warn" })).status).toBe(302);
    expect(visibleText(await (await visitor().get(url)).text())).not.toContain("Wat een onzin");
    for (const reporter of [carmen, daan]) {
      expect(visibleText(await (await reporter.get("/notifications")).text())).toContain("is behandeld: het bericht is verborgen");
    }
    expect(visibleText(await (await (await as("eva")).get("/notifications")).text())).toContain("Waarschuwing van Bram Jansen");
    const again = await bram.post("/g/goed-werk-in-de-praktijk/review", { postId, decision: "dismiss", reason: "" });
    expect(again.status).toBe(409);

    // The public log: what and why, without the words or who reported.
    const log = visibleText(await (await visitor().get("/g/goed-werk-in-de-praktijk/moderation")).text());
    expect(log).toContain("Op de persoon gespeeld");
    expect(log).toContain("Wanneer voelt werk voor jou als goed werk?");
    expect(log).not.toContain("Wat een onzin");
    expect(log).not.toContain("Carmen");
    expect(log).not.toContain("Persoonlijke aanval");
    expect((await visitor().get("/g/leerkring-vakmanschap/moderation")).status).toBe(404);
  });

  it("hide a post reported by enough trusted members until a host looks; disagreeing brings it back", async () => {
    const { url, postId } = await postIn("eva", "Koop nu mijn cursus!");
    const group = await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "goed-werk-in-de-praktijk").executeTakeFirstOrThrow();
    await forum.handle.db.updateTable("group_members").set({ trusted: true }).where("group_id", "=", group.id).execute();
    await report(await as("carmen"), url, postId, "spam");
    await report(await as("daan"), url, postId, "spam");
    expect(visibleText(await (await visitor().get(url)).text())).toContain("Koop nu mijn cursus!");
    await report(await as("anna"), url, postId, "spam");
    const page = visibleText(await (await visitor().get(url)).text());
    expect(page).not.toContain("Koop nu mijn cursus!");
    expect(page).toContain("Verborgen na meldingen van vertrouwde leden");
    expect((await (await as("bram")).post("/g/goed-werk-in-de-praktijk/review", { postId, decision: "disagree", reason: "" })).status).toBe(302);
    expect(visibleText(await (await visitor().get(url)).text())).toContain("Koop nu mijn cursus!");
    await forum.handle.db.updateTable("group_members").set({ trusted: false }).where("group_id", "=", group.id).execute();
  });
});

describe("reports on meetups", () => {
  it("reach the circle's hosts; agreeing cancels the meetup and tells everyone", async () => {
    const event = await forum.handle.db.selectFrom("events").select(["id"]).where("title", "=", "Kringavond: goed werk in de zorg").executeTakeFirstOrThrow();
    const eva = await as("eva");
    const missing = await eva.post(`/e/${event.id}`, { intent: "report", reason: "other", text: "" });
    expect(missing.status).toBe(400);
    expect((await eva.post(`/e/${event.id}`, { intent: "report", reason: "spam", text: "Dit is reclame" })).status).toBe(302);
    expect((await eva.post(`/e/${event.id}`, { intent: "report", reason: "spam", text: "" })).status).toBe(409);
    // bram planned it: his own meetup is not his to report.
    expect((await (await as("bram")).post(`/e/${event.id}`, { intent: "report", reason: "spam", text: "" })).status).toBe(409);
    const secret = await forum.handle.db.selectFrom("events").select("id").where("title", "=", "Leerkring: de casus van het wijkteam").executeTakeFirstOrThrow();
    expect((await eva.post(`/e/${secret.id}`, { intent: "report", reason: "spam", text: "" })).status).toBe(404);

    const bram = await as("bram");
    expect(visibleText(await (await bram.get("/g/goed-werk-in-de-praktijk/review")).text())).toContain("Dit is reclame");
    expect((await (await as("carmen")).post("/g/goed-werk-in-de-praktijk/review", { eventId: String(event.id), decision: "agree", reason: "Reclame" })).status).toBe(403);
    expect((await bram.post("/g/goed-werk-in-de-praktijk/review", { eventId: String(event.id), decision: "agree", reason: "Geen kringavond maar reclame" })).status).toBe(302);
    expect(visibleText(await (await visitor().get(`/e/${event.id}`)).text())).toContain("Afgelast. Reden: Geen kringavond maar reclame");
    expect(visibleText(await (await eva.get("/notifications")).text())).toContain("is behandeld");
  });
});

describe("suspensions", () => {
  it("end the account's sessions at once, show the reason at sign-in, and are for site admins only", async () => {
    const member = await createMember(forum.handle.db, "lastpak");
    const client = await as(member.username, FIXTURE_PASSWORD);
    expect((await client.get("/settings")).status).toBe(200);
    const bram = await as("bram");
    expect((await bram.post(`/u/${member.username}`, { intent: "suspend", days: "7", reason: "Spam" })).status).toBe(403);
    const anna = await as("anna");
    const noReason = await anna.post(`/u/${member.username}`, { intent: "suspend", days: "7", reason: "" });
    expect(noReason.status).toBe(400);
    expect((await anna.post(`/u/${member.username}`, { intent: "suspend", days: "7", reason: "Herhaaldelijk reclame" })).status).toBe(302);
    expect((await client.get("/settings")).status).toBe(302);
    const again = await visitor().signIn(member.username, FIXTURE_PASSWORD);
    expect(again.status).toBe(403);
    const text = visibleText(await again.text());
    expect(text).toContain("Je account is geschorst tot");
    expect(text).toContain("Reden: Herhaaldelijk reclame");
    // Public content stays readable.
    expect((await client.get("/g/goed-werk-in-de-praktijk")).status).toBe(200);
    expect((await anna.post(`/u/${member.username}`, { intent: "suspend", days: "forever", reason: "Voorgoed" })).status).toBe(302);
    expect(visibleText(await (await visitor().signIn(member.username, FIXTURE_PASSWORD)).text())).toContain("Je account is voorgoed geschorst.");
    expect((await anna.post(`/u/${member.username}`, { intent: "lift" })).status).toBe(302);
    expect((await visitor().signIn(member.username, FIXTURE_PASSWORD)).status).toBe(302);
    expect((await anna.post(`/u/anna`, { intent: "suspend", days: "1", reason: "test" })).status).toBe(409);
  });
});
