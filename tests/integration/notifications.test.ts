import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(5);
let counter = 0;
const key = () => `notify-${++counter}-${Date.now()}`;

const idOf = async (username: string) => (await forum.handle.db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
/** A member's notifications, optionally only those about one thread (the demo data made some already). */
const notificationsOf = async (username: string, threadUrl?: string) => {
  let query = forum.handle.db.selectFrom("notifications").selectAll().where("member_id", "=", await idOf(username));
  if (threadUrl) query = query.where("thread_id", "=", Number(/\/t\/(\d+)/.exec(threadUrl)![1]));
  return query.orderBy("id").execute();
};

async function newThread(username: string, title: string, body: string, group = "goed-werk-in-de-praktijk", extra: Record<string, string> = {}) {
  const client = await as(username);
  const response = await client.post(`/g/${group}/new`, { intent: "post", title, body, idempotencyKey: key(), ...extra });
  expect(response.status).toBe(302);
  return { client, url: response.headers.get("location")! };
}

describe("notifications", () => {
  it("tell the mentioned, the quoted and the watchers, once each, never the author, and show a count in the bell", async () => {
    const { client: carmen, url } = await newThread("carmen", "Meldingen testen", "Wat vindt @daan hiervan?");
    await carmen.post("/notifications", { intent: "all" });
    expect((await notificationsOf("daan", url)).map((n) => n.kind)).toEqual(["mention"]);
    expect(await notificationsOf("carmen", url)).toEqual([]);
    // The author watches the thread she started: a reply tells her.
    const eva = await as("eva");
    const threadId = Number(/\/t\/(\d+)/.exec(url)![1]);
    await eva.post(url, { intent: "post", body: `[@carmen](${url}#post-1):\n> Wat vindt @daan hiervan?\n\nMooie vraag, @daan.`, idempotencyKey: key() });
    const carmenNotes = await notificationsOf("carmen", url);
    expect(carmenNotes.map((n) => n.kind)).toEqual(["quote"]);
    // daan is mentioned again (once for this post), not also told as a watcher.
    expect((await notificationsOf("daan", url)).map((n) => n.kind)).toEqual(["mention", "mention"]);
    await (await as("daan")).post(url, { intent: "post", body: "Ik denk erover na.", idempotencyKey: key() });
    expect((await notificationsOf("carmen", url)).map((n) => n.kind)).toEqual(["quote", "reply"]);
    // eva replied, so she tracks: a plain reply does not tell her.
    expect((await notificationsOf("eva")).filter((n) => n.thread_id === threadId)).toEqual([]);

    const page = await (await carmen.get("/")).text();
    expect(visibleText(page)).toContain("Meldingen (2 ongelezen)");
    const list = visibleText(await (await carmen.get("/notifications")).text());
    expect(list).toContain("Eva Smit citeerde je in Meldingen testen");
    expect(list).toContain("Daan Visser reageerde in Meldingen testen");
    // Opening one marks it read and lands on the exact post.
    const opened = await carmen.get(`/notifications/${carmenNotes[0]!.id}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`${url}#post-2`);
    expect(visibleText(await (await carmen.get("/")).text())).toContain("Meldingen (1 ongelezen)");
    expect((await carmen.post("/notifications", { intent: "all" })).status).toBe(302);
    expect(visibleText(await (await carmen.get("/")).text())).not.toContain("ongelezen)");
    // Someone else's notification is not there for you.
    expect((await eva.get(`/notifications/${carmenNotes[0]!.id}`)).status).toBe(404);
    expect((await visitor().get("/notifications")).status).toBe(302);
  });

  it("tell someone newly mentioned in an edited post, once", async () => {
    const { client: carmen, url } = await newThread("carmen", "Bewerkte vermelding", "Wie denkt er mee?");
    const post = await forum.handle.db
      .selectFrom("posts")
      .select(["id", "version"])
      .where("thread_id", "=", Number(/\/t\/(\d+)/.exec(url)![1]))
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    const edit = async (body: string) => {
      const { version } = await forum.handle.db.selectFrom("posts").select("version").where("id", "=", post.id).executeTakeFirstOrThrow();
      expect((await carmen.post(`/posts/${post.id}/edit`, { body, version: String(version) })).status).toBe(302);
    };
    await edit("Wie denkt er mee? Misschien @daan.");
    expect((await notificationsOf("daan", url)).map((n) => n.kind)).toEqual(["mention"]);
    const daan = await as("daan");
    expect(visibleText(await (await daan.get("/notifications")).text())).toContain("Carmen Bakker noemde je in Bewerkte vermelding");
    // Taken out and put back, or kept in a later edit: no second notification. Someone new is told.
    await edit("Wie denkt er mee?");
    await edit("Wie denkt er mee? Misschien @daan of @eva.");
    expect((await notificationsOf("daan", url)).map((n) => n.kind)).toEqual(["mention"]);
    expect((await notificationsOf("eva", url)).map((n) => n.kind)).toEqual(["mention"]);
    // Mentioning yourself tells no one.
    await edit("Wie denkt er mee? Misschien @daan, @eva of ik, @carmen.");
    expect(await notificationsOf("carmen", url)).toEqual([]);
  });

  it("respect muting and never reach people who cannot see the content", async () => {
    const { url } = await newThread("bram", "Alleen voor de leerkring", "Wat vindt @carmen en @daan?", "leerkring-vakmanschap");
    // carmen is not a member of this private circle: no notification, no hint of it.
    expect(await notificationsOf("carmen", url)).toEqual([]);
    expect((await notificationsOf("daan", url)).map((n) => n.kind)).toEqual(["mention"]);
    const daan = await as("daan");
    await daan.post(url, { intent: "watch", level: "muted" });
    await (await as("bram")).post(url, { intent: "post", body: "Nog even voor @daan.", idempotencyKey: key() });
    expect(await notificationsOf("daan", url)).toHaveLength(1);
    expect((await daan.post(url, { intent: "watch", level: "loud" })).status).toBe(400);
  });

  it("leave out a post the member can no longer read: from the list, the bell's count, and when it is edited to mention them", async () => {
    const { url } = await newThread("carmen", "Verborgen vermelding", "Een gewone opening.");
    const eva = await as("eva");
    await eva.post(url, { intent: "post", body: "Wat zegt @daan hiervan?", idempotencyKey: key() });
    const daan = await as("daan");
    expect(visibleText(await (await daan.get("/notifications")).text())).toContain("Eva Smit noemde je in Verborgen vermelding");
    const bell = async () => Number(/Meldingen \((\d+) ongelezen\)/.exec(visibleText(await (await daan.get("/")).text()))?.[1] ?? 0);
    const unreadBefore = await bell();
    expect(unreadBefore).toBeGreaterThan(0);
    const reply = await forum.handle.db
      .selectFrom("posts")
      .select(["id", "version"])
      .where("thread_id", "=", Number(/\/t\/(\d+)/.exec(url)![1]))
      .where("number", "=", 2)
      .executeTakeFirstOrThrow();
    // A host hides the reply: daan may no longer read it, so its notification leaves his list.
    expect((await (await as("bram")).post(url, { intent: "hide", postId: String(reply.id), reason: "Even niet" })).status).toBeLessThan(400);
    expect((await forum.handle.db.selectFrom("posts").select("hidden_at").where("id", "=", reply.id).executeTakeFirstOrThrow()).hidden_at).not.toBeNull();
    expect(visibleText(await (await daan.get("/notifications")).text())).not.toContain("Verborgen vermelding");
    expect(await bell()).toBe(unreadBefore - 1);
    // Its author may still edit it; someone newly mentioned in it who cannot read it is not told.
    expect((await eva.post(`/posts/${reply.id}/edit`, { body: "Wat zeggen @daan en @carmen hiervan?", version: String(reply.version) })).status).toBe(302);
    expect((await notificationsOf("carmen", url)).filter((n) => n.kind === "mention")).toEqual([]);
  });

  it("batch reactions into one notification per post", async () => {
    const { url } = await newThread("eva", "Reacties bundelen", "Een bericht om op te reageren.");
    const post = await forum.handle.db.selectFrom("posts").innerJoin("threads", "threads.id", "posts.thread_id").select("posts.id").where("threads.title", "=", "Reacties bundelen").executeTakeFirstOrThrow();
    for (const [username, kind] of [["carmen", "heart"], ["daan", "agree"], ["carmen", "thanks"], ["eva", "heart"]] as const) {
      await (await as(username)).post(url, { intent: "react", postId: String(post.id), kind });
    }
    const reactions = (await notificationsOf("eva", url)).filter((n) => n.kind === "reaction");
    expect(reactions).toHaveLength(1);
    expect(reactions[0]!.count).toBe(3);
    expect(visibleText(await (await (await as("eva")).get("/notifications")).text())).toContain("Carmen Bakker en 2 anderen reageerden op je bericht in Reacties bundelen");
  });

  it("tell watchers of a circle and of a principle about new threads", async () => {
    const watcher = await createMember(forum.handle.db, "kringvolger");
    const client = await as(watcher.username, FIXTURE_PASSWORD);
    expect((await client.post("/g/goed-werk-in-de-praktijk", { intent: "watch", level: "watching" })).status).toBe(302);
    expect((await client.post("/p/ecologisch-perspectief", { intent: "watch" })).status).toBe(302);
    await newThread("carmen", "Nieuw voor volgers", "Hallo allemaal", "goed-werk-in-de-praktijk", { "principle-ecologisch-perspectief": "on" });
    const notes = await notificationsOf(watcher.username);
    expect(notes.map((n) => n.kind)).toEqual(["new_thread"]);
    // A private circle's new thread never reaches a principle watcher outside it.
    await newThread("bram", "Besloten en ecologisch", "Binnen de kring", "leerkring-vakmanschap", { "principle-ecologisch-perspectief": "on" });
    expect(await notificationsOf(watcher.username)).toHaveLength(1);
  });

  it("tell members about decisions on their join request", async () => {
    const requester = await createMember(forum.handle.db, "aanvrager");
    const client = await as(requester.username, FIXTURE_PASSWORD);
    const group = await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "leerkring-vakmanschap").executeTakeFirstOrThrow();
    expect((await client.post("/g?index", { intent: "request", groupId: group.id, message: "Graag!" })).status).toBe(200);
    const request = await forum.handle.db.selectFrom("group_join_requests").select("id").where("member_id", "=", requester.id).executeTakeFirstOrThrow();
    expect((await (await as("bram")).post("/g/leerkring-vakmanschap/members", { intent: "approve", id: request.id })).status).toBe(200);
    const notes = await notificationsOf(requester.username);
    expect(notes.map((n) => n.kind)).toEqual(["request_approved"]);
    expect(visibleText(await (await client.get("/notifications")).text())).toContain("Je bent toegelaten tot Leerkring");
  });
});
