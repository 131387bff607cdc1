import { describe, expect, it } from "vitest";
import { sendDigests, sendNotificationEmails } from "../../app/domain/notifications/email.server";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(8);
let counter = 0;
const key = () => `email-${++counter}-${Date.now()}`;

const member = (username: string) => forum.handle.db.selectFrom("members").select(["id", "email"]).where("username", "=", username).executeTakeFirstOrThrow();
const ctx = () => ({ jobs: forum.server.jobs, origin: forum.server.url });
async function mailbox(email: string) {
  await forum.server.jobs.drain();
  return forum.handle.db.selectFrom("dev_mailbox").selectAll().where("to_address", "=", email).orderBy("id").execute();
}
async function mention(username: string, body: string) {
  const thread = await forum.handle.db.selectFrom("threads").select(["id", "slug"]).where("title", "=", "Eerste opdracht als zelfstandige: hoe pak je dat aan?").executeTakeFirstOrThrow();
  await (await as("carmen")).post(`/t/${thread.id}/${thread.slug}`, { intent: "post", body: `${body} @${username}`, idempotencyKey: key() });
}

describe("notification emails", () => {
  it("go out once, at once by default, with a signed one-click unsubscribe link that works without signing in", async () => {
    // What the demo data queued is out of the way first.
    await sendNotificationEmails(forum.handle.db, ctx());
    const daan = await member("daan");
    const before = (await mailbox(daan.email)).length;
    await mention("daan", "Wat denk jij,");
    await sendNotificationEmails(forum.handle.db, ctx());
    await sendNotificationEmails(forum.handle.db, ctx());
    const mail = (await mailbox(daan.email)).slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Carmen Bakker noemde je in Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    expect(mail[0]!.body_text).toMatch(/\/t\/\d+\/eerste-opdracht[^\s]*#post-\d+/);
    const headers = JSON.parse(mail[0]!.headers!) as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = /(http:\/\/[^\s]+\/unsubscribe\?[^\s]+)/.exec(mail[0]!.body_text)![1]!;
    expect(headers["List-Unsubscribe"]).toBe(`<${link}>`);
    const path = link.slice(forum.server.url.length);

    // A forged or altered link does nothing.
    const forged = await visitor().get(path.replace(/s=[^&]+/, "s=" + "A".repeat(32)));
    expect(forged.status).toBe(400);
    expect(visibleText(await forged.text())).toContain("Deze afmeldlink klopt niet");
    expect((await visitor().get(path.replace("k=mention", "k=reply"))).status).toBe(400);
    expect(visibleText(await (await visitor().get(path)).text())).toContain("Wil je geen e-mail meer over: Als iemand je noemt?");
    // One click from the mail client: a POST without any Origin.
    const clicked = await fetch(forum.server.url + path, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(clicked.status).toBe(200);
    await mention("daan", "Nog een vraag,");
    await sendNotificationEmails(forum.handle.db, ctx());
    expect((await mailbox(daan.email)).slice(before)).toHaveLength(1);
    // The in-forum notification is still there.
    expect(visibleText(await (await (await as("daan")).get("/notifications")).text())).toContain("Carmen Bakker noemde je");
  });

  it("follow each member's choices per kind on the settings page", async () => {
    const eva = await as("eva");
    const page = visibleText(await (await eva.get("/settings/email")).text());
    expect(page).toContain("Reacties op je berichten");
    expect((await eva.post("/settings/email", { mention: "never", reaction: "immediately" })).status).toBe(200);
    expect((await eva.post("/settings/email", { mention: "weekly" })).status).toBe(400);
    const { email } = await member("eva");
    const before = (await mailbox(email)).length;
    await mention("eva", "Wat vind jij,");
    await sendNotificationEmails(forum.handle.db, ctx());
    expect((await mailbox(email)).slice(before)).toHaveLength(0);
  });

  it("send a weekly digest of new conversations and upcoming meetups to everyone who wants it, once a week", async () => {
    const { email } = await member("carmen");
    const before = (await mailbox(email)).length;
    const now = new Date();
    await sendDigests(forum.handle.db, ctx(), now);
    await sendDigests(forum.handle.db, ctx(), now);
    const digests = (await mailbox(email)).slice(before).filter((m) => m.subject === "Deze week in het Goed Werk Netwerk");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.body_text).toContain("Wanneer voelt werk voor jou als goed werk?");
    expect(digests[0]!.body_text).toContain("Kringavond: goed werk in de zorg");
    // Nothing from a private circle she is not in.
    expect(digests[0]!.body_text).not.toContain("Casus: de werkdruk in het wijkteam");
    expect(digests[0]!.body_text).not.toContain("Leerkring: de casus van het wijkteam");
    expect(digests[0]!.body_text).toContain("/unsubscribe?");
  });
});
