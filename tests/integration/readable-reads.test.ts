import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActor } from "../../app/auth/policy";
import { ANONYMOUS } from "../../app/auth/policy";
import { suggestMentions } from "../../app/domain/accounts/queries.server";
import { memberFeed, renewFeedToken } from "../../app/domain/events/feeds.server";
import { reviewQueueFor } from "../../app/domain/moderation/reports.server";
import { listPostsByMember, quotePost, reactionsOnPosts } from "../../app/domain/threads/queries.server";
import { seedDemoNetwork } from "../../db/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createMember } from "../helpers/fixtures";

/**
 * Domain reads that take the reader and apply the readable filter
 * (`app/auth/readable.server.ts`) themselves, whoever calls them.
 */
let handle: TestDatabase;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoNetwork(handle.db);
});
afterAll(async () => {
  await handle?.dispose();
});

async function actor(username: string): Promise<MemberActor> {
  const m = await handle.db.selectFrom("members").selectAll().where("username", "=", username).executeTakeFirstOrThrow();
  return { kind: "member", id: m.id, username: m.username, displayName: m.display_name, siteRole: m.site_role, emailVerified: m.email_verified_at !== null, locale: m.locale, timeZone: m.time_zone };
}

const groupId = async (slug: string) => (await handle.db.selectFrom("groups").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;

/** A post (not the opening one) in a circle, with its thread. */
async function replyIn(slug: string, authorNot?: string) {
  let query = handle.db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .innerJoin("members", "members.id", "posts.author_id")
    .select(["posts.id", "posts.thread_id", "posts.author_id", "members.username"])
    .where("groups.slug", "=", slug)
    .where("posts.number", ">", 1)
    .where("posts.deleted_at", "is", null)
    .where("posts.hidden_at", "is", null);
  if (authorNot) query = query.where("members.username", "!=", authorNot);
  return query.orderBy("posts.id").executeTakeFirstOrThrow();
}

describe("reads that apply the readable filter themselves", () => {
  it("reactions, quotes and profiles: a hidden post only for its author and the circle's hosts", async () => {
    const post = await replyIn("goed-werk-in-de-praktijk", "carmen");
    const reactor = (await actor("carmen")).id;
    await handle.db.insertInto("post_reactions").values({ post_id: post.id, member_id: reactor, kind: "heart" }).onConflict((oc) => oc.doNothing()).execute();
    const outsider = (await actor("daan")).username === post.username ? await actor("eva") : await actor("daan");
    const author = await actor(post.username);
    const host = await actor("bram");

    expect((await reactionsOnPosts(handle.db, outsider, [post.id])).get(post.id)?.length).toBeGreaterThan(0);
    expect(await quotePost(handle.db, outsider, post.thread_id, post.id)).toContain("> ");

    await handle.db.updateTable("posts").set({ hidden_at: new Date(), hidden_reason: "test" }).where("id", "=", post.id).execute();
    try {
      expect((await reactionsOnPosts(handle.db, outsider, [post.id])).get(post.id)).toBeUndefined();
      expect((await reactionsOnPosts(handle.db, ANONYMOUS, [post.id])).get(post.id)).toBeUndefined();
      expect((await reactionsOnPosts(handle.db, author, [post.id])).get(post.id)?.length).toBeGreaterThan(0);
      expect((await reactionsOnPosts(handle.db, host, [post.id])).get(post.id)?.length).toBeGreaterThan(0);
      // A quote republishes the text to the whole circle: never of a hidden post, not even for its author or a host.
      for (const reader of [outsider, author, host]) expect(await quotePost(handle.db, reader, post.thread_id, post.id)).toBeNull();
      const profile = async (viewer: Parameters<typeof listPostsByMember>[1]) => (await listPostsByMember(handle.db, viewer, post.author_id!, 500)).map((p) => p.id);
      expect(await profile(outsider)).not.toContain(post.id);
      expect(await profile(ANONYMOUS)).not.toContain(post.id);
      expect(await profile(author)).toContain(post.id);
      expect(await profile(host)).toContain(post.id);
    } finally {
      await handle.db.updateTable("posts").set({ hidden_at: null, hidden_reason: null }).where("id", "=", post.id).execute();
    }
  });

  it("quotes and profiles never show a private circle's posts to outsiders", async () => {
    const post = await replyIn("leerkring-vakmanschap");
    const outsider = await actor("carmen");
    expect(await quotePost(handle.db, outsider, post.thread_id, post.id)).toBeNull();
    expect(await quotePost(handle.db, await actor("daan"), post.thread_id, post.id)).toContain("> ");
    expect((await listPostsByMember(handle.db, outsider, post.author_id!, 500)).map((p) => p.id)).not.toContain(post.id);
  });

  it("mention suggestions: signed-in members only, and for a thread only members who may read it", async () => {
    const thread = await handle.db
      .selectFrom("threads")
      .innerJoin("groups", "groups.id", "threads.group_id")
      .select("threads.id")
      .where("groups.slug", "=", "leerkring-vakmanschap")
      .executeTakeFirstOrThrow();
    expect(await suggestMentions(handle.db, ANONYMOUS, "ca")).toMatchObject({ ok: false, kind: "signedOut" });
    const names = async (who: string, typed: string, threadId?: number) => {
      const result = await suggestMentions(handle.db, await actor(who), typed, threadId === undefined ? {} : { threadId });
      return result.ok ? result.members.map((m) => m.username) : result.kind;
    };
    expect(await names("bram", "ca")).toEqual(["carmen"]);
    // carmen is not in the private circle: not suggested for its thread, and she gets no suggestions there.
    expect(await names("bram", "ca", thread.id)).toEqual([]);
    expect(await names("bram", "da", thread.id)).toEqual(["daan"]);
    expect(await names("carmen", "da", thread.id)).toEqual([]);
    expect(await names("bram", "%")).toEqual([]);
  });

  it("review queues: hosts see their circles' items, site admins all, others nothing", async () => {
    const publicPost = await replyIn("goed-werk-in-de-praktijk", "eva");
    const privatePost = await replyIn("leerkring-vakmanschap", "daan");
    const reporter = await actor("eva");
    const daan = await actor("daan");
    await handle.db
      .insertInto("reports")
      .values([
        { reporter_id: reporter.id, target_type: "post", post_id: publicPost.id, group_id: await groupId("goed-werk-in-de-praktijk"), reason: "spam" },
        { reporter_id: daan.id, target_type: "post", post_id: privatePost.id, group_id: await groupId("leerkring-vakmanschap"), reason: "spam" },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    const moderator = await createMember(handle.db, "alleenpraktijk");
    await handle.db.insertInto("group_members").values({ group_id: await groupId("goed-werk-in-de-praktijk"), member_id: moderator.id, role: "moderator" }).execute();
    const items = async (who: MemberActor, slug: string | null) => (await reviewQueueFor(handle.db, who, slug ? await groupId(slug) : null)).map((i) => i.postId);

    const host = await actor("alleenpraktijk");
    expect(await items(host, null)).toContain(publicPost.id);
    expect(await items(host, null)).not.toContain(privatePost.id);
    expect(await items(host, "leerkring-vakmanschap")).toEqual([]);
    expect(await items(await actor("carmen"), null)).toEqual([]);
    expect(await items(await actor("carmen"), "goed-werk-in-de-praktijk")).toEqual([]);
    const admin = await actor("anna");
    expect(await items(admin, null)).toEqual(expect.arrayContaining([publicPost.id, privatePost.id]));
  });

  it("a member's calendar feed shows the online link to those going and to the meetup's hosts, as its page does", async () => {
    const event = await handle.db
      .selectFrom("events")
      .innerJoin("groups", "groups.id", "events.group_id")
      .select("events.id")
      .where("groups.slug", "=", "goed-werk-in-de-praktijk")
      .where("events.ends_at", ">", new Date())
      .orderBy("events.id")
      .executeTakeFirstOrThrow();
    await handle.db.updateTable("events").set({ online_url: "https://meet.example/kring" }).where("id", "=", event.id).execute();
    const linkFor = async (username: string) => {
      const member = await actor(username);
      await handle.db
        .insertInto("event_rsvps")
        .values({ event_id: event.id, member_id: member.id, status: "maybe" })
        .onConflict((oc) => oc.columns(["event_id", "member_id"]).doUpdateSet({ status: "maybe" }))
        .execute();
      const feed = await memberFeed(handle.db, await renewFeedToken(handle.db, member.id));
      return feed!.events.find((e) => e.id === event.id)!.onlineUrl;
    };
    expect(await linkFor("bram")).toBe("https://meet.example/kring");
    expect(await linkFor("carmen")).toBeNull();
  });
});
