import type { Database } from "../../../db/index";
import {
  canContribute,
  canDeletePost,
  canEditPost as canEditPostRule,
  canModerateThread,
  canReact,
  canReply,
  canStartThread,
  isMember,
  isSiteAdmin,
  type Actor,
  type MemberActor,
} from "../../auth/policy";
import { recordAudit } from "../groups/commands.server";
import { renderMarkdown } from "../../lib/markdown.server";
import { linkMentions, mentionedUsernames } from "../../lib/mentions";
import { hitRateLimit } from "../../lib/rate-limit.server";
import type { CommandResult } from "../accounts/commands.server";
import { loadStanding } from "../../auth/guardian.server";
import { readableGroups } from "../../auth/readable.server";
import { findVisibleThread } from "./queries.server";
import { fanOutEditedMentions, fanOutNewPost, fanOutReaction } from "../notifications/fanout.server";
import type { MessageKey } from "../../i18n/index";
import { multiLineText } from "../../lib/text-input";
import { slugSchema } from "../principles/schema";
import { MAX_TAGS, slugifyTitle } from "./schema";

const notFound = { ok: false, status: 404, formError: "error.notFound.title" } as const;
const mustSignIn = { ok: false, status: 401, formError: "groups.signInFirst" } as const;
const mustVerify = { ok: false, status: 403, formError: "groups.verifyFirst" } as const;

// security.md: posting is rate-limited per person.
const POSTS_PER_WINDOW = 20;
const POST_WINDOW_SECONDS = 10 * 60;

// A preview renders up to a full post on the server; members get plenty, one
// address (shared by a household or an office) a few members' worth.
const PREVIEWS_PER_MEMBER = 30;
const PREVIEWS_PER_ADDRESS = 90;
const PREVIEW_WINDOW_SECONDS = 5 * 60;
export const MAX_POST_LENGTH = 32_000;

/**
 * What a post would look like, through the same function as saving. Only for
 * members (visitors cannot post, so they have nothing to preview), and
 * rate-limited per member and per address.
 */
export async function previewPost(db: Database, actor: MemberActor, clientIp: string, body: string): Promise<CommandResult<{ html: string }>> {
  const limits: Array<[string, number]> = [
    [`preview:member:${actor.id}`, PREVIEWS_PER_MEMBER],
    [`preview:ip:${clientIp}`, PREVIEWS_PER_ADDRESS],
  ];
  for (const [key, perWindow] of limits) {
    const limit = await hitRateLimit(db, key, perWindow, PREVIEW_WINDOW_SECONDS);
    if (!limit.allowed) return { ok: false, status: 429, formError: "rateLimit.preview", retryAfterSeconds: limit.retryAfterSeconds };
  }
  // The character rule a post must pass, so a preview never shows what posting would refuse.
  const characters = multiLineText().safeParse(body);
  if (!characters.success) {
    const message = characters.error.issues[0]!.message as MessageKey;
    return { ok: false, status: message === "validation.invalidCharacters" ? 422 : 400, fieldErrors: { body: message } };
  }
  return { ok: true, html: renderMarkdown(body.slice(0, MAX_POST_LENGTH)) };
}

/** Markdown → sanitised HTML with @mentions of existing members linked; also returns who is mentioned. */
async function renderPost(db: Database, markdown: string): Promise<{ html: string; mentioned: Array<{ id: string; username: string }> }> {
  const names = mentionedUsernames(markdown).slice(0, 50);
  const existing = names.length
    ? await db.selectFrom("members").select(["id", "username"]).where("username", "in", names).execute()
    : [];
  const html = linkMentions(renderMarkdown(markdown), new Set(existing.map((m) => m.username)));
  // Only names that became mention links count: not those inside a link (a quote's "[@name](…)") or code.
  const linked = new Set([...html.matchAll(/<a href="\/u\/([a-z0-9_.-]+)" class="mention">/g)].map((m) => m[1]));
  return { html, mentioned: existing.filter((m) => linked.has(m.username)) };
}

async function recordMentions(db: Database, postId: number, mentioned: Array<{ id: string }>): Promise<void> {
  await db.deleteFrom("post_mentions").where("post_id", "=", postId).execute();
  if (mentioned.length > 0) {
    await db.insertInto("post_mentions").values(mentioned.map((m) => ({ post_id: postId, member_id: m.id }))).execute();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

async function postAlreadyMade(db: Database, authorId: string, idempotencyKey: string) {
  return db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .select(["posts.number", "threads.id as thread_id", "threads.slug"])
    .where("posts.author_id", "=", authorId)
    .where("posts.idempotency_key", "=", idempotencyKey)
    .executeTakeFirst();
}

export interface NewMemberLimits {
  days: number;
  threadsPerDay: number;
  linksPerPost: number;
  mentionsPerPost: number;
}

export function newMemberLimitsFrom(config: {
  NEW_MEMBER_DAYS: number;
  NEW_MEMBER_THREADS_PER_DAY: number;
  NEW_MEMBER_LINKS_PER_POST: number;
  NEW_MEMBER_MENTIONS_PER_POST: number;
}): NewMemberLimits {
  return {
    days: config.NEW_MEMBER_DAYS,
    threadsPerDay: config.NEW_MEMBER_THREADS_PER_DAY,
    linksPerPost: config.NEW_MEMBER_LINKS_PER_POST,
    mentionsPerPost: config.NEW_MEMBER_MENTIONS_PER_POST,
  };
}

/**
 * The limits of a member's first days (links and mentions per post, threads
 * per day), lifted when the days are over, for hosts, site admins and
 * members a host of this circle marked trusted.
 */
async function newMemberRefusal(
  db: Database,
  actor: MemberActor,
  groupId: string,
  html: string,
  mentions: number,
  startingThread: boolean,
  limits: NewMemberLimits | undefined,
): Promise<CommandResult<never> | null> {
  if (!limits || limits.days === 0 || isSiteAdmin(actor)) return null;
  const member = await db
    .selectFrom("members")
    .leftJoin("group_members", (join) => join.onRef("group_members.member_id", "=", "members.id").on("group_members.group_id", "=", groupId))
    .select(["members.created_at", "group_members.trusted", "group_members.role"])
    .where("members.id", "=", actor.id)
    .executeTakeFirstOrThrow();
  if (member.created_at.getTime() < Date.now() - limits.days * 86_400_000) return null;
  if (member.trusted || member.role === "owner" || member.role === "moderator") return null;
  const links = (html.match(/<a href="(?!\/)/g) ?? []).length + (html.match(/<img /g) ?? []).length;
  if (links > limits.linksPerPost) return { ok: false, status: 422, fieldErrors: { body: "newMember.links" } };
  if (mentions > limits.mentionsPerPost) return { ok: false, status: 422, fieldErrors: { body: "newMember.mentions" } };
  if (startingThread) {
    const today = await db
      .selectFrom("threads")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("author_id", "=", actor.id)
      .where("created_at", ">", new Date(Date.now() - 86_400_000))
      .executeTakeFirstOrThrow();
    if (Number(today.n) >= limits.threadsPerDay) return { ok: false, status: 429, formError: "newMember.threads", retryAfterSeconds: 3600 };
  }
  return null;
}

/** Thread + opening post + tags + counters in one transaction. A repeated submit returns the first thread. */
export async function startThread(
  db: Database,
  actor: Actor,
  groupId: string,
  input: { title: string; body: string; principles: string[]; tags?: string[]; idempotencyKey: string },
  newMembers?: NewMemberLimits,
): Promise<CommandResult<{ threadId: number; slug: string }>> {
  // Visibility first: a private circle's answer must not depend on being signed in.
  const group = await db.selectFrom("groups").select(["id"]).where("id", "=", groupId).where(readableGroups(actor)).executeTakeFirst();
  if (!group) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const earlier = await postAlreadyMade(db, actor.id, input.idempotencyKey);
  if (earlier) return { ok: true, threadId: earlier.thread_id, slug: earlier.slug };
  if (!canContribute(actor)) return mustVerify;
  const standing = await loadStanding(db, groupId, actor);
  if (!canStartThread(actor, standing)) return { ok: false, status: 403, formError: "threads.membersOnly" };
  const known = await db.selectFrom("principles").select("slug").where("slug", "in", input.principles.length ? input.principles : [""]).execute();
  if (known.length !== new Set(input.principles).size) return { ok: false, status: 400, fieldErrors: { principles: "validation.tags.unknown" } };
  const themeSlugs = [...new Set(input.tags ?? [])];
  const themes = themeSlugs.length
    ? await db.selectFrom("group_tags").select("id").where("group_id", "=", groupId).where("slug", "in", themeSlugs).execute()
    : [];
  if (themes.length !== themeSlugs.length) return { ok: false, status: 400, fieldErrors: { principles: "validation.tags.unknown" } };
  if (known.length + themes.length > MAX_TAGS) return { ok: false, status: 400, fieldErrors: { principles: "validation.tags.tooMany" } };
  const limit = await hitRateLimit(db, `post:${actor.id}`, POSTS_PER_WINDOW, POST_WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, status: 429, formError: "rateLimit.tooMany", retryAfterSeconds: limit.retryAfterSeconds };

  const { html, mentioned } = await renderPost(db, input.body);
  const refusal = await newMemberRefusal(db, actor, groupId, html, mentioned.length, true, newMembers);
  if (refusal) return refusal;
  try {
    const thread = await db.transaction().execute(async (trx) => {
      const now = new Date();
      const created = await trx
        .insertInto("threads")
        .values({
          group_id: groupId,
          author_id: actor.id,
          title: input.title,
          slug: slugifyTitle(input.title),
          post_count: 1,
          last_posted_at: now,
          last_poster_id: actor.id,
        })
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      if (input.principles.length > 0) {
        await trx
          .insertInto("thread_principles")
          .values([...new Set(input.principles)].map((slug) => ({ thread_id: created.id, principle_slug: slug })))
          .execute();
      }
      if (themes.length > 0) {
        await trx
          .insertInto("thread_tags")
          .values(themes.map((tag) => ({ thread_id: created.id, tag_id: tag.id })))
          .execute();
      }
      const post = await trx
        .insertInto("posts")
        .values({
          thread_id: created.id,
          number: 1,
          author_id: actor.id,
          body_markdown: input.body,
          body_html: html,
          idempotency_key: input.idempotencyKey,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordMentions(trx, post.id, mentioned);
      await trx.updateTable("groups").set({ last_activity_at: now }).where("id", "=", groupId).execute();
      await fanOutNewPost(trx, {
        id: post.id,
        number: 1,
        threadId: created.id,
        groupId,
        authorId: actor.id,
        markdown: input.body,
        mentionedIds: mentioned.map((m) => m.id),
      });
      return created;
    });
    return { ok: true, threadId: thread.id, slug: thread.slug };
  } catch (error) {
    // The same form submitted twice at once: the second insert lost the race.
    if (isUniqueViolation(error)) {
      const first = await postAlreadyMade(db, actor.id, input.idempotencyKey);
      if (first) return { ok: true, threadId: first.thread_id, slug: first.slug };
    }
    throw error;
  }
}

/** A reply gets the next number in the thread; a repeated submit returns the first reply. */
export async function replyToThread(
  db: Database,
  actor: Actor,
  threadId: number,
  input: { body: string; idempotencyKey: string },
  newMembers?: NewMemberLimits,
): Promise<CommandResult<{ number: number }>> {
  const thread = await findVisibleThread(db, actor, threadId);
  if (!thread) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const earlier = await postAlreadyMade(db, actor.id, input.idempotencyKey);
  if (earlier) return { ok: true, number: earlier.number };
  if (!canContribute(actor)) return mustVerify;
  if (thread.deleted_at) return { ok: false, status: 410, formError: "threads.deletedThread" };
  if (thread.hidden_at) return { ok: false, status: 409, formError: "threads.hiddenThread" };
  const standing = await loadStanding(db, thread.group_id, actor);
  if (!canReply(actor, standing, thread)) {
    return { ok: false, status: 403, formError: thread.locked && standing.role ? "threads.locked" : "threads.membersOnly" };
  }
  const limit = await hitRateLimit(db, `post:${actor.id}`, POSTS_PER_WINDOW, POST_WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, status: 429, formError: "rateLimit.tooMany", retryAfterSeconds: limit.retryAfterSeconds };

  const { html, mentioned } = await renderPost(db, input.body);
  const refusal = await newMemberRefusal(db, actor, thread.group_id, html, mentioned.length, false, newMembers);
  if (refusal) return refusal;
  try {
    const number = await db.transaction().execute(async (trx) => {
      // The row lock serialises replies, so numbers never collide.
      const locked = await trx
        .selectFrom("threads")
        .select(["post_count", "group_id"])
        .where("id", "=", threadId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const next = locked.post_count + 1;
      const now = new Date();
      const post = await trx
        .insertInto("posts")
        .values({
          thread_id: threadId,
          number: next,
          author_id: actor.id,
          body_markdown: input.body,
          body_html: html,
          idempotency_key: input.idempotencyKey,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordMentions(trx, post.id, mentioned);
      await trx
        .updateTable("threads")
        .set({ post_count: next, last_posted_at: now, last_poster_id: actor.id })
        .where("id", "=", threadId)
        .execute();
      await trx.updateTable("groups").set({ last_activity_at: now }).where("id", "=", locked.group_id).execute();
      await fanOutNewPost(trx, {
        id: post.id,
        number: next,
        threadId,
        groupId: locked.group_id,
        authorId: actor.id,
        markdown: input.body,
        mentionedIds: mentioned.map((m) => m.id),
      });
      return next;
    });
    return { ok: true, number };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const first = await postAlreadyMade(db, actor.id, input.idempotencyKey);
      if (first) return { ok: true, number: first.number };
    }
    throw error;
  }
}

/** A post with its thread and group, if the actor can see it (for editing, reacting, hiding and reporting). */
export async function findVisiblePost(db: Database, actor: Actor, postId: number) {
  return db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select([
      "posts.id",
      "posts.number",
      "posts.author_id",
      "posts.body_markdown",
      "posts.version",
      "posts.deleted_at",
      "posts.hidden_at",
      "posts.hidden_by",
      "threads.id as thread_id",
      "threads.title as thread_title",
      "threads.slug as thread_slug",
      "groups.id as group_id",
      "groups.name as group_name",
    ])
    .where("posts.id", "=", postId)
    .where(readableGroups(actor))
    .executeTakeFirst();
}

export type EditResult =
  | CommandResult<{ threadId: number; slug: string; number: number }>
  | { ok: false; status: 409; formError: "threads.editConflict"; currentBody: string; currentVersion: number };

/**
 * Edits one's own post. The form carries the version it started from; if the
 * post changed meanwhile the answer is 409 with the newer text, and the
 * editor keeps what they typed. Every edit keeps the previous text.
 */
export async function editPost(
  db: Database,
  actor: Actor,
  postId: number,
  input: { body: string; version: number },
  newMembers?: NewMemberLimits,
): Promise<EditResult> {
  const post = await findVisiblePost(db, actor, postId);
  if (!post) return notFound;
  if (!isMember(actor)) return mustSignIn;
  if (!canEditPostRule(actor, { authorId: post.author_id, deleted: post.deleted_at !== null })) {
    return { ok: false, status: 403, formError: "error.forbidden.text" };
  }
  const { html, mentioned } = await renderPost(db, input.body);
  // An edit may not add what a new member could not post.
  const refusal = await newMemberRefusal(db, actor, post.group_id, html, mentioned.length, false, newMembers);
  if (refusal) return refusal;
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("posts")
      .select(["body_markdown", "version"])
      .where("id", "=", postId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.version !== input.version) {
      return { ok: false, status: 409, formError: "threads.editConflict", currentBody: current.body_markdown, currentVersion: current.version } as const;
    }
    if (current.body_markdown === input.body) {
      return { ok: true, threadId: post.thread_id, slug: post.thread_slug, number: post.number } as const;
    }
    await trx
      .insertInto("post_revisions")
      .values({ post_id: postId, version: current.version, body_markdown: current.body_markdown, edited_by: actor.id })
      .execute();
    await trx
      .updateTable("posts")
      .set({ body_markdown: input.body, body_html: html, version: current.version + 1, edited_at: new Date() })
      .where("id", "=", postId)
      .execute();
    const before = await trx.selectFrom("post_mentions").select("member_id").where("post_id", "=", postId).execute();
    await recordMentions(trx, postId, mentioned);
    const earlier = new Set(before.map((m) => m.member_id));
    await fanOutEditedMentions(trx, {
      id: postId,
      threadId: post.thread_id,
      groupId: post.group_id,
      authorId: actor.id,
      newlyMentionedIds: mentioned.map((m) => m.id).filter((id) => !earlier.has(id)),
    });
    return { ok: true, threadId: post.thread_id, slug: post.thread_slug, number: post.number } as const;
  });
}

/** Deletes a post, leaving a placeholder so the thread stays readable. Hosts' deletions are audited. */
export async function deletePost(db: Database, actor: Actor, postId: number): Promise<CommandResult<{ number: number }>> {
  const post = await findVisiblePost(db, actor, postId);
  if (!post) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const standing = await loadStanding(db, post.group_id, actor);
  if (!canDeletePost(actor, standing, { authorId: post.author_id, deleted: post.deleted_at !== null })) {
    return { ok: false, status: 403, formError: "error.forbidden.text" };
  }
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx.updateTable("posts").set({ deleted_at: now }).where("id", "=", postId).execute();
    // The opening post carries the thread: without it the thread leaves the lists and takes no replies.
    if (post.number === 1) await trx.updateTable("threads").set({ deleted_at: now }).where("id", "=", post.thread_id).execute();
    if (post.author_id !== actor.id) {
      await recordAudit(trx, {
        groupId: post.group_id,
        actorId: actor.id,
        action: "post.delete",
        targetMemberId: post.author_id,
        targetLabel: `/t/${post.thread_id}#post-${post.number}`,
      });
    }
  });
  return { ok: true, number: post.number };
}

export async function setThreadFlag(
  db: Database,
  actor: Actor,
  threadId: number,
  flag: "pinned" | "locked",
  value: boolean,
): Promise<CommandResult> {
  const thread = await findVisibleThread(db, actor, threadId);
  if (!thread) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const standing = await loadStanding(db, thread.group_id, actor);
  if (!canModerateThread(actor, standing)) return { ok: false, status: 403, formError: "error.forbidden.text" };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("threads")
      .set(flag === "pinned" ? { pinned: value } : { locked: value })
      .where("id", "=", threadId)
      .execute();
    await recordAudit(trx, {
      groupId: thread.group_id,
      actorId: actor.id,
      action: `thread.${flag === "pinned" ? (value ? "pin" : "unpin") : value ? "lock" : "unlock"}`,
      targetLabel: thread.title,
    });
  });
  return { ok: true };
}

/** For the edit form: the post as its author may edit it. */
export async function findEditablePost(db: Database, actor: Actor, postId: number) {
  const post = await findVisiblePost(db, actor, postId);
  if (!post) return { found: false as const };
  return { found: true as const, post, allowed: canEditPostRule(actor, { authorId: post.author_id, deleted: post.deleted_at !== null }) };
}

/** Adds the reaction, or takes it back when the person already gave it. */
export async function toggleReaction(
  db: Database,
  actor: Actor,
  postId: number,
  kind: "agree" | "heart" | "insight" | "thanks",
): Promise<CommandResult<{ number: number; threadId: number; slug: string }>> {
  const post = await findVisiblePost(db, actor, postId);
  if (!post || post.deleted_at) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const standing = await loadStanding(db, post.group_id, actor);
  if (!canReact(actor, standing)) return { ok: false, status: 403, formError: "threads.membersOnly" };
  const removed = await db
    .deleteFrom("post_reactions")
    .where("post_id", "=", postId)
    .where("member_id", "=", actor.id)
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n) {
    const added = await db
      .insertInto("post_reactions")
      .values({ post_id: postId, member_id: actor.id, kind })
      .onConflict((oc) => oc.doNothing())
      .returning("post_id")
      .executeTakeFirst();
    if (added) await fanOutReaction(db, { postId, reactorId: actor.id });
  }
  return { ok: true, number: post.number, threadId: post.thread_id, slug: post.thread_slug };
}

const reasonOf = (text: string) => text.trim().slice(0, 500);

/** Hosts hide a post with a reason (hiding the opening post hides the thread); the author and hosts still see it, marked. */
export async function hidePost(db: Database, actor: Actor, postId: number, reason: string): Promise<CommandResult<{ number: number }>> {
  const post = await findVisiblePost(db, actor, postId);
  if (!post || post.deleted_at) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const standing = await loadStanding(db, post.group_id, actor);
  if (!canModerateThread(actor, standing)) return { ok: false, status: 403, formError: "error.forbidden.text" };
  if (reasonOf(reason).length === 0) return { ok: false, status: 400, fieldErrors: { reason: "validation.reason.required" } };
  if (post.hidden_at) return { ok: true, number: post.number };
  await db.transaction().execute((trx) => applyHide(trx, post, actor.id, reasonOf(reason)));
  return { ok: true, number: post.number };
}

/** Hides a post (and its thread, for an opening post) and logs it; `actorId` null when reports hid it. */
export async function applyHide(
  trx: Database,
  post: { id: number; number: number; thread_id: number; thread_title: string; group_id: string; author_id: string | null },
  actorId: string | null,
  reason: string,
) {
  const now = new Date();
  await trx.updateTable("posts").set({ hidden_at: now, hidden_reason: reason, hidden_by: actorId }).where("id", "=", post.id).where("hidden_at", "is", null).execute();
  if (post.number === 1) await trx.updateTable("threads").set({ hidden_at: now }).where("id", "=", post.thread_id).execute();
  await recordAudit(trx, {
    groupId: post.group_id,
    actorId,
    action: actorId ? "post.hide" : "post.autoHide",
    targetMemberId: post.author_id,
    targetLabel: `${post.thread_title} #${post.number}`,
    reason,
  });
}

export async function restorePost(db: Database, actor: Actor, postId: number): Promise<CommandResult<{ number: number }>> {
  const post = await findVisiblePost(db, actor, postId);
  if (!post || post.deleted_at) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const standing = await loadStanding(db, post.group_id, actor);
  if (!canModerateThread(actor, standing)) return { ok: false, status: 403, formError: "error.forbidden.text" };
  if (!post.hidden_at) return { ok: true, number: post.number };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("posts").set({ hidden_at: null, hidden_reason: null, hidden_by: null }).where("id", "=", postId).execute();
    if (post.number === 1) await trx.updateTable("threads").set({ hidden_at: null }).where("id", "=", post.thread_id).execute();
    await recordAudit(trx, {
      groupId: post.group_id,
      actorId: actor.id,
      action: "post.restore",
      targetMemberId: post.author_id,
      targetLabel: `${post.thread_title} #${post.number}`,
    });
  });
  return { ok: true, number: post.number };
}

/** Groups a thread could move to: those the actor hosts (all, for site admins), except its own. */
export async function listMoveTargets(db: Database, actor: Actor, currentGroupId: string) {
  if (actor.kind !== "member") return [];
  let query = db.selectFrom("groups").select(["groups.slug", "groups.name"]).where("groups.id", "!=", currentGroupId).orderBy("groups.name");
  if (!isSiteAdmin(actor)) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("group_members")
          .select("group_members.member_id")
          .whereRef("group_members.group_id", "=", "groups.id")
          .where("group_members.member_id", "=", actor.id)
          .where("group_members.role", "in", ["owner", "moderator"]),
      ),
    );
  }
  return query.execute();
}

/** Moves a thread to another group; the actor must host both. Theme tags of the old group fall away. */
export async function moveThread(db: Database, actor: Actor, threadId: number, targetSlug: string): Promise<CommandResult<{ groupSlug: string }>> {
  const thread = await findVisibleThread(db, actor, threadId);
  if (!thread) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const standing = await loadStanding(db, thread.group_id, actor);
  if (!canModerateThread(actor, standing)) return { ok: false, status: 403, formError: "error.forbidden.text" };
  // Only a well-formed slug reaches the database (a NUL byte would be a database error).
  const target = slugSchema.safeParse(targetSlug).success
    ? await db.selectFrom("groups").select(["id", "slug", "name"]).where("slug", "=", targetSlug).where(readableGroups(actor)).executeTakeFirst()
    : undefined;
  if (!target || target.id === thread.group_id) return { ok: false, status: 400, fieldErrors: { group: "validation.moveTarget" } };
  if (!canModerateThread(actor, await loadStanding(db, target.id, actor))) {
    return { ok: false, status: 403, fieldErrors: { group: "validation.moveTarget" } };
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("threads").set({ group_id: target.id }).where("id", "=", threadId).execute();
    await trx
      .deleteFrom("thread_tags")
      .where("thread_id", "=", threadId)
      .where("tag_id", "in", (eb) => eb.selectFrom("group_tags").select("id").where("group_id", "=", thread.group_id))
      .execute();
    for (const groupId of [thread.group_id, target.id]) {
      await recordAudit(trx, {
        groupId,
        actorId: actor.id,
        action: "thread.move",
        targetLabel: `${thread.title}: ${thread.group_name} → ${target.name}`,
      });
    }
  });
  return { ok: true, groupSlug: target.slug };
}

const MAX_GROUP_TAGS = 30;

/** Hosts add a theme tag to their group. */
export async function createGroupTag(db: Database, actor: Actor, groupId: string, label: string): Promise<CommandResult> {
  const group = await db.selectFrom("groups").select(["id"]).where("id", "=", groupId).where(readableGroups(actor)).executeTakeFirst();
  if (!group) return notFound;
  if (!isMember(actor)) return mustSignIn;
  if (!canModerateThread(actor, await loadStanding(db, groupId, actor))) return { ok: false, status: 403, formError: "error.forbidden.text" };
  const slug = slugifyTitle(label);
  const principle = await db.selectFrom("principles").select("slug").where("slug", "=", slug).executeTakeFirst();
  if (principle) return { ok: false, status: 409, fieldErrors: { label: "validation.tag.isPrinciple" } };
  const count = await db.selectFrom("group_tags").select((eb) => eb.fn.countAll<number>().as("n")).where("group_id", "=", groupId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_GROUP_TAGS) return { ok: false, status: 409, fieldErrors: { label: "validation.tag.tooMany" } };
  const created = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("group_tags")
      .values({ group_id: groupId, slug, label })
      .onConflict((oc) => oc.columns(["group_id", "slug"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) await recordAudit(trx, { groupId, actorId: actor.id, action: "tag.create", targetLabel: label });
    return row !== undefined;
  });
  if (!created) return { ok: false, status: 409, fieldErrors: { label: "validation.tag.taken" } };
  return { ok: true };
}

export async function deleteGroupTag(db: Database, actor: Actor, groupId: string, tagId: number): Promise<CommandResult> {
  const group = await db.selectFrom("groups").select(["id"]).where("id", "=", groupId).where(readableGroups(actor)).executeTakeFirst();
  if (!group) return notFound;
  if (!isMember(actor)) return mustSignIn;
  if (!canModerateThread(actor, await loadStanding(db, groupId, actor))) return { ok: false, status: 403, formError: "error.forbidden.text" };
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("group_tags").where("id", "=", tagId).where("group_id", "=", groupId).returning("label").executeTakeFirst();
    if (removed) await recordAudit(trx, { groupId, actorId: actor.id, action: "tag.delete", targetLabel: removed.label });
  });
  return { ok: true };
}
