import { sql } from "kysely";
import type { Database } from "../../../db/index";
import type { NotificationKind, WatchLevel } from "../../../db/schema";
import { readablePosts, readableThreads, readerColumn } from "../../auth/readable.server";

/**
 * Who hears about what. Every fan-out here follows the same rules: never the
 * person who acted, never someone who cannot read the content (the readable
 * filter in `app/auth/readable.server.ts`, keyed by each recipient: a private
 * circle's content only reaches its members, a hidden post only its author
 * and the circle's hosts), never someone who muted the
 * thread or (unless watching the thread) the circle, and one notification
 * per person per post.
 */

interface Target {
  groupId: string;
  threadId: number;
  postId?: number | null;
}

/** Of these members, those who may read the post (or, without one, the thread) and have not muted it here. */
async function reachable(db: Database, memberIds: string[], target: Target): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const reader = readerColumn("members.id");
  const readable = target.postId
    ? sql<boolean>`exists (
        select 1 from posts join threads on threads.id = posts.thread_id join groups on groups.id = threads.group_id
        where posts.id = ${target.postId} and ${readablePosts(reader)})`
    : sql<boolean>`exists (
        select 1 from threads join groups on groups.id = threads.group_id
        where threads.id = ${target.threadId} and ${readableThreads(reader)})`;
  const rows = await db
    .selectFrom("members")
    .select("members.id")
    .where("members.id", "in", [...new Set(memberIds)])
    .where(readable)
    .where(
      sql<boolean>`not exists (select 1 from thread_watches tw where tw.member_id = members.id and tw.thread_id = ${target.threadId} and tw.level = 'muted')`,
    )
    .where(
      sql<boolean>`(
        not exists (select 1 from group_watches gw where gw.member_id = members.id and gw.group_id = ${target.groupId} and gw.level = 'muted')
        or exists (select 1 from thread_watches tw2 where tw2.member_id = members.id and tw2.thread_id = ${target.threadId} and tw2.level = 'watching')
      )`,
    )
    .execute();
  return rows.map((r) => r.id);
}

async function insertAll(db: Database, kind: NotificationKind, memberIds: string[], actorId: string, target: Target) {
  if (memberIds.length === 0) return;
  await db
    .insertInto("notifications")
    .values(memberIds.map((memberId) => ({ member_id: memberId, kind, actor_id: actorId, group_id: target.groupId, thread_id: target.threadId, post_id: target.postId ?? null })))
    .execute();
}

/** Sets a watch level unless the member already chose one (`force` overrides). */
export async function setThreadWatch(db: Database, memberId: string, threadId: number, level: WatchLevel, force = false) {
  await db
    .insertInto("thread_watches")
    .values({ member_id: memberId, thread_id: threadId, level })
    .onConflict((oc) => (force ? oc.columns(["member_id", "thread_id"]).doUpdateSet({ level }) : oc.doNothing()))
    .execute();
}

const QUOTE_LINK = /\]\((?:https?:\/\/[^/\s)]+)?\/t\/(\d+)(?:\/[^\s)#?]*)?(?:\?page=\d+)?#post-(\d+)\)/g;

/** Posts quoted in Markdown by their "link back" (as the Quote action writes it). */
export function quotedPosts(markdown: string): Array<{ threadId: number; number: number }> {
  const found = new Map<string, { threadId: number; number: number }>();
  for (const match of markdown.matchAll(QUOTE_LINK)) {
    found.set(`${match[1]}#${match[2]}`, { threadId: Number(match[1]), number: Number(match[2]) });
  }
  return [...found.values()].slice(0, 20);
}

/**
 * A new post: mentions first, then quotes of someone's post, then everyone
 * watching the thread (a reply) or, for an opening post, the circle and the
 * principle tags (a new thread). Starting a thread watches it; replying
 * tracks it.
 */
export async function fanOutNewPost(
  db: Database,
  post: { id: number; number: number; threadId: number; groupId: string; authorId: string; markdown: string; mentionedIds: string[] },
) {
  const target = { groupId: post.groupId, threadId: post.threadId, postId: post.id };
  const told = new Set<string>([post.authorId]);
  const tell = async (kind: NotificationKind, candidates: string[]) => {
    const fresh = candidates.filter((id) => !told.has(id));
    const allowed = await reachable(db, fresh, target);
    allowed.forEach((id) => told.add(id));
    await insertAll(db, kind, allowed, post.authorId, target);
  };

  await tell("mention", post.mentionedIds);

  const quoted = quotedPosts(post.markdown);
  if (quoted.length > 0) {
    const authors = await db
      .selectFrom("posts")
      .select("author_id")
      .where((eb) => eb.or(quoted.map((q) => eb.and([eb("thread_id", "=", q.threadId), eb("number", "=", q.number)]))))
      .where("author_id", "is not", null)
      .execute();
    await tell(
      "quote",
      authors.map((a) => a.author_id!),
    );
  }

  if (post.number > 1) {
    const watchers = await db.selectFrom("thread_watches").select("member_id").where("thread_id", "=", post.threadId).where("level", "=", "watching").execute();
    await tell(
      "reply",
      watchers.map((w) => w.member_id),
    );
    await setThreadWatch(db, post.authorId, post.threadId, "tracking");
  } else {
    const groupWatchers = await db.selectFrom("group_watches").select("member_id").where("group_id", "=", post.groupId).where("level", "=", "watching").execute();
    const principleWatchers = await db
      .selectFrom("principle_watches")
      .innerJoin("thread_principles", "thread_principles.principle_slug", "principle_watches.principle_slug")
      .select("principle_watches.member_id")
      .where("thread_principles.thread_id", "=", post.threadId)
      .execute();
    await tell("new_thread", [...groupWatchers, ...principleWatchers].map((w) => w.member_id));
    await setThreadWatch(db, post.authorId, post.threadId, "watching");
  }
}

/**
 * An edited post that mentions someone new: they hear about it, once per
 * post (someone already told about a mention in this post is not told again).
 */
export async function fanOutEditedMentions(
  db: Database,
  post: { id: number; threadId: number; groupId: string; authorId: string; newlyMentionedIds: string[] },
) {
  if (post.newlyMentionedIds.length === 0) return;
  const target = { groupId: post.groupId, threadId: post.threadId, postId: post.id };
  const alreadyTold = await db
    .selectFrom("notifications")
    .select("member_id")
    .where("post_id", "=", post.id)
    .where("kind", "=", "mention")
    .execute();
  const told = new Set([post.authorId, ...alreadyTold.map((n) => n.member_id)]);
  const allowed = await reachable(
    db,
    post.newlyMentionedIds.filter((id) => !told.has(id)),
    target,
  );
  await insertAll(db, "mention", allowed, post.authorId, target);
}

/** Reactions are batched: one unread notification per post, counting up. */
export async function fanOutReaction(db: Database, reaction: { postId: number; reactorId: string }) {
  const post = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .select(["posts.author_id", "threads.id as thread_id", "threads.group_id"])
    .where("posts.id", "=", reaction.postId)
    .executeTakeFirst();
  if (!post?.author_id || post.author_id === reaction.reactorId) return;
  const target = { groupId: post.group_id, threadId: post.thread_id, postId: reaction.postId };
  if ((await reachable(db, [post.author_id], target)).length === 0) return;
  const updated = await db
    .updateTable("notifications")
    .set((eb) => ({ count: eb("count", "+", 1), actor_id: reaction.reactorId, updated_at: new Date() }))
    .where("member_id", "=", post.author_id)
    .where("kind", "=", "reaction")
    .where("post_id", "=", reaction.postId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) await insertAll(db, "reaction", [post.author_id], reaction.reactorId, target);
}

/** A notification that is not about a post: a circle decision, an invitation, an event, a report outcome. */
export async function notifyMember(
  db: Database,
  notification: { memberId: string; kind: NotificationKind; actorId?: string | null; groupId?: string | null; eventId?: number | null; postId?: number | null; threadId?: number | null; detail?: string },
) {
  if (notification.actorId && notification.actorId === notification.memberId) return;
  await db
    .insertInto("notifications")
    .values({
      member_id: notification.memberId,
      kind: notification.kind,
      actor_id: notification.actorId ?? null,
      group_id: notification.groupId ?? null,
      event_id: notification.eventId ?? null,
      post_id: notification.postId ?? null,
      thread_id: notification.threadId ?? null,
      detail: notification.detail ?? "",
    })
    .execute();
}
