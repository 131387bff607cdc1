import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { readableGroups, readablePosts } from "../../auth/readable.server";
import type { MessageKey } from "../../i18n/index";
import { renderMarkdown } from "../../lib/markdown.server";
import { linkMentions, mentionedUsernames } from "../../lib/mentions";
import { hitRateLimit } from "../../lib/rate-limit.server";
import { multiLineText } from "../../lib/text-input";
import { fanOutEditedMentions, fanOutNewPost } from "../notifications/fanout.server";
import { linkAttachments } from "../uploads/store.server";
import { conflict, fieldFailure, forbidden, missing, rateLimited, type CommandResult, type Failure } from "../result";
import { commitOrRefuse, inTransaction } from "../transaction.server";
import { recordAudit } from "../audit.server";
import { findVisibleThread } from "./queries.server";
import { MAX_TAGS, slugifyTitle } from "./schema";

// Posting is rate-limited per person (README, "Security").
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
export async function previewPost(handle: Database, guardian: Guardian, clientIp: string, body: string): Promise<CommandResult<{ html: string }>> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  const limits: Array<[string, number]> = [
    [`preview:member:${member.id}`, PREVIEWS_PER_MEMBER],
    [`preview:ip:${clientIp}`, PREVIEWS_PER_ADDRESS],
  ];
  for (const [key, perWindow] of limits) {
    const limit = await hitRateLimit(handle, key, perWindow, PREVIEW_WINDOW_SECONDS);
    if (!limit.allowed) return rateLimited("rateLimit.preview", limit.retryAfterSeconds);
  }
  // The character rule a post must pass, so a preview never shows what posting would refuse.
  const characters = multiLineText().safeParse(body);
  if (!characters.success) {
    const message = characters.error.issues[0]!.message as MessageKey;
    return fieldFailure("body", message, message === "validation.invalidCharacters" ? 422 : 400);
  }
  return { ok: true, html: renderMarkdown(body.slice(0, MAX_POST_LENGTH)) };
}

/** Markdown → sanitised HTML with @mentions of existing members linked; also returns who is mentioned. */
async function renderPost(handle: Database, markdown: string): Promise<{ html: string; mentioned: Array<{ id: string; username: string }> }> {
  const names = mentionedUsernames(markdown).slice(0, 50);
  const existing = names.length
    ? await handle.selectFrom("members").select(["id", "username"]).where("username", "in", names).execute()
    : [];
  const html = linkMentions(renderMarkdown(markdown), new Set(existing.map((m) => m.username)));
  // Only names that became mention links count: not those inside a link (a quote's "[@name](…)") or code.
  const linked = new Set([...html.matchAll(/<a href="\/u\/([a-z0-9_.-]+)" class="mention">/g)].map((m) => m[1]));
  return { html, mentioned: existing.filter((m) => linked.has(m.username)) };
}

async function recordMentions(trx: Database, postId: number, mentioned: Array<{ id: string }>): Promise<void> {
  await trx.deleteFrom("post_mentions").where("post_id", "=", postId).execute();
  if (mentioned.length > 0) {
    await trx.insertInto("post_mentions").values(mentioned.map((m) => ({ post_id: postId, member_id: m.id }))).execute();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

async function postAlreadyMade(handle: Database, authorId: string, idempotencyKey: string) {
  return handle
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .select(["posts.number", "threads.id as thread_id", "threads.slug"])
    .where("posts.author_id", "=", authorId)
    .where("posts.idempotency_key", "=", idempotencyKey)
    .executeTakeFirst();
}

/**
 * Applies a new post; when the same form was submitted twice at once (the
 * second insert lost the race), answers with the first. Inside a caller's
 * transaction the error stands: the transaction is spoilt anyway.
 */
async function orFirstSubmit<T>(handle: Database, authorId: string, idempotencyKey: string, apply: () => Promise<T>, first: (row: NonNullable<Awaited<ReturnType<typeof postAlreadyMade>>>) => T): Promise<T> {
  try {
    return await apply();
  } catch (error) {
    if (isUniqueViolation(error) && !handle.isTransaction) {
      const earlier = await postAlreadyMade(handle, authorId, idempotencyKey);
      if (earlier) return first(earlier);
    }
    throw error;
  }
}

async function postingLimit(handle: Database, memberId: string): Promise<Failure | null> {
  const limit = await hitRateLimit(handle, `post:${memberId}`, POSTS_PER_WINDOW, POST_WINDOW_SECONDS);
  return limit.allowed ? null : rateLimited("rateLimit.tooMany", limit.retryAfterSeconds);
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
  handle: Database,
  guardian: Guardian,
  memberId: string,
  groupId: string,
  post: { html: string; mentions: number; startingThread: boolean },
  limits: NewMemberLimits | undefined,
): Promise<Failure | null> {
  if (!limits || limits.days === 0 || (await guardian.isHostOrTrusted(groupId))) return null;
  const member = await handle.selectFrom("members").select("created_at").where("id", "=", memberId).executeTakeFirstOrThrow();
  if (member.created_at.getTime() < Date.now() - limits.days * 86_400_000) return null;
  const links = (post.html.match(/<a href="(?!\/)/g) ?? []).length + (post.html.match(/<img src="(?!\/)/g) ?? []).length;
  if (links > limits.linksPerPost) return fieldFailure("body", "newMember.links", 422);
  if (post.mentions > limits.mentionsPerPost) return fieldFailure("body", "newMember.mentions", 422);
  if (post.startingThread) {
    const today = await handle
      .selectFrom("threads")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("author_id", "=", memberId)
      .where("created_at", ">", new Date(Date.now() - 86_400_000))
      .executeTakeFirstOrThrow();
    if (Number(today.n) >= limits.threadsPerDay) return rateLimited("newMember.threads", 3600);
  }
  return null;
}

export interface NewThreadInput {
  title: string;
  body: string;
  principles: string[];
  tags?: string[];
  idempotencyKey: string;
}

type StartedThread = CommandResult<{ threadId: number; slug: string }>;

/**
 * Thread + opening post + tags + counters in one transaction. A repeated
 * submit returns the first thread. `handle` may be a caller's transaction.
 */
export function startThread(handle: Database, guardian: Guardian, groupId: string, input: NewThreadInput, newMembers?: NewMemberLimits): Promise<StartedThread> {
  return startThreadIf((asked) => asked.canStartThread(groupId), handle, guardian, groupId, input, newMembers);
}

/**
 * A meetup's discussion thread, inside the meetup's transaction (`trx`), so
 * both are made or neither: started by whoever may plan the circle's meetups
 * (a site admin outside the circle too), under the posting limits of anyone.
 */
export function startMeetupDiscussion(trx: Database, guardian: Guardian, groupId: string, input: NewThreadInput): Promise<StartedThread> {
  return startThreadIf(async (asked) => (await asked.canStartThread(groupId)) || (await asked.canManageEvents(groupId)), trx, guardian, groupId, input);
}

async function startThreadIf(
  allowed: (asked: Guardian) => Promise<boolean>,
  handle: Database,
  guardian: Guardian,
  groupId: string,
  input: NewThreadInput,
  newMembers?: NewMemberLimits,
): Promise<StartedThread> {
  const asked = guardian.using(handle);
  // Visibility first: a private circle's answer must not depend on being signed in.
  if (!(await asked.seesGroup(groupId))) return missing;
  const { member, failure } = asked.memberOrFailure();
  if (failure) return failure;
  const earlier = await postAlreadyMade(handle, member.id, input.idempotencyKey);
  if (earlier) return { ok: true, threadId: earlier.thread_id, slug: earlier.slug };
  const contributor = asked.contributorOrFailure();
  if (contributor.failure) return contributor.failure;
  if (!(await allowed(asked))) return forbidden("threads.membersOnly");

  const known = await handle.selectFrom("principles").select("slug").where("slug", "in", input.principles.length ? input.principles : [""]).execute();
  if (known.length !== new Set(input.principles).size) return fieldFailure("principles", "validation.tags.unknown");
  const themeSlugs = [...new Set(input.tags ?? [])];
  const themes = themeSlugs.length
    ? await handle.selectFrom("group_tags").select("id").where("group_id", "=", groupId).where("slug", "in", themeSlugs).execute()
    : [];
  if (themes.length !== themeSlugs.length) return fieldFailure("principles", "validation.tags.unknown");
  if (known.length + themes.length > MAX_TAGS) return fieldFailure("principles", "validation.tags.tooMany");
  const limited = await postingLimit(handle, member.id);
  if (limited) return limited;
  const { html, mentioned } = await renderPost(handle, input.body);
  const refusal = await newMemberRefusal(handle, asked, member.id, groupId, { html, mentions: mentioned.length, startingThread: true }, newMembers);
  if (refusal) return refusal;

  const apply = () =>
    inTransaction(handle, async (trx) => {
      const now = new Date();
      const created = await trx
        .insertInto("threads")
        .values({
          group_id: groupId,
          author_id: member.id,
          title: input.title,
          slug: slugifyTitle(input.title),
          post_count: 1,
          last_posted_at: now,
          last_poster_id: member.id,
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
        .values({ thread_id: created.id, number: 1, author_id: member.id, body_markdown: input.body, body_html: html, idempotency_key: input.idempotencyKey })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordMentions(trx, post.id, mentioned);
      await linkAttachments(trx, member.id, post.id, input.body);
      await trx.updateTable("groups").set({ last_activity_at: now }).where("id", "=", groupId).execute();
      await fanOutNewPost(trx, {
        id: post.id,
        number: 1,
        threadId: created.id,
        groupId,
        authorId: member.id,
        markdown: input.body,
        mentionedIds: mentioned.map((m) => m.id),
      });
      return { ok: true as const, threadId: created.id, slug: created.slug };
    });
  return orFirstSubmit(handle, member.id, input.idempotencyKey, apply, (first) => ({ ok: true, threadId: first.thread_id, slug: first.slug }));
}

/** A reply gets the next number in the thread; a repeated submit returns the first reply. */
export async function replyToThread(
  handle: Database,
  guardian: Guardian,
  threadId: number,
  input: { body: string; idempotencyKey: string },
  newMembers?: NewMemberLimits,
): Promise<CommandResult<{ number: number }>> {
  const asked = guardian.using(handle);
  const thread = await findVisibleThread(handle, asked.actor, threadId);
  if (!thread) return missing;
  const { member, failure } = asked.memberOrFailure();
  if (failure) return failure;
  const earlier = await postAlreadyMade(handle, member.id, input.idempotencyKey);
  if (earlier) return { ok: true, number: earlier.number };
  const contributor = asked.contributorOrFailure();
  if (contributor.failure) return contributor.failure;
  if (thread.deleted_at) return conflict({ formError: "threads.deletedThread" }, 410);
  if (thread.hidden_at) return conflict({ formError: "threads.hiddenThread" });
  const replying = { groupId: thread.group_id, locked: thread.locked, hidden: false, deleted: false };
  if (!(await asked.canReply(replying))) {
    const standing = await asked.standing(thread.group_id);
    return forbidden(thread.locked && standing.role ? "threads.locked" : "threads.membersOnly");
  }
  const limited = await postingLimit(handle, member.id);
  if (limited) return limited;
  const { html, mentioned } = await renderPost(handle, input.body);
  const refusal = await newMemberRefusal(handle, asked, member.id, thread.group_id, { html, mentions: mentioned.length, startingThread: false }, newMembers);
  if (refusal) return refusal;

  const apply = () =>
    inTransaction(handle, async (trx) => {
      // The row lock serialises replies, so numbers never collide.
      const locked = await trx.selectFrom("threads").select(["post_count", "group_id"]).where("id", "=", threadId).forUpdate().executeTakeFirstOrThrow();
      const next = locked.post_count + 1;
      const now = new Date();
      const post = await trx
        .insertInto("posts")
        .values({ thread_id: threadId, number: next, author_id: member.id, body_markdown: input.body, body_html: html, idempotency_key: input.idempotencyKey })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordMentions(trx, post.id, mentioned);
      await linkAttachments(trx, member.id, post.id, input.body);
      await trx.updateTable("threads").set({ post_count: next, last_posted_at: now, last_poster_id: member.id }).where("id", "=", threadId).execute();
      await trx.updateTable("groups").set({ last_activity_at: now }).where("id", "=", locked.group_id).execute();
      await fanOutNewPost(trx, {
        id: post.id,
        number: next,
        threadId,
        groupId: locked.group_id,
        authorId: member.id,
        markdown: input.body,
        mentionedIds: mentioned.map((m) => m.id),
      });
      return { ok: true as const, number: next };
    });
  return orFirstSubmit(handle, member.id, input.idempotencyKey, apply, (first) => ({ ok: true, number: first.number }));
}

/** A post with its thread and group, if the actor can see its circle (for editing, hiding, deleting and reporting). */
/**
 * A post in a circle the actor may see, or undefined; with `readable`, only a
 * post whose text the actor may read (`readablePosts`): what editing and
 * reporting need. Moderation loads it without, and answers with its own refusals.
 */
export async function findVisiblePost(handle: Database, guardian: Guardian, postId: number, { readable = false } = {}) {
  return handle
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
    .where(readable ? readablePosts(guardian.actor) : readableGroups(guardian.actor))
    .executeTakeFirst();
}

/** For the edit form: the post as its author may edit it; for the opening post also the thread's title and tags. */
export async function findEditablePost(handle: Database, guardian: Guardian, postId: number) {
  const post = await findVisiblePost(handle, guardian, postId, { readable: true });
  if (!post) return { found: false as const };
  const allowed = guardian.canEditPost({ authorId: post.author_id, deleted: post.deleted_at !== null });
  const current = allowed && post.number === 1 ? await titleAndTags(handle, post.thread_id) : null;
  const thread = current ? { title: current.title, principles: current.principleSlugs, tags: current.themeSlugs } : null;
  return { found: true as const, post, allowed, thread };
}

/** A thread's title and tags as an edit form sends them (the same fields and limits as starting a thread). */
export interface ThreadTitleInput {
  title: string;
  principles: string[];
  tags: string[];
}

/** A thread's tags as a revision keeps them: principles by slug, the circle's own tags by their label then. */
export type TagSnapshot = Array<{ kind: "principle"; slug: string } | { kind: "theme"; label: string }>;

/** What is posted now, shown next to what the editor typed when someone else saved first. */
export interface CurrentState {
  currentBody: string;
  currentVersion: number;
  currentTitle?: string;
  currentTags?: TagSnapshot;
}

export type EditResult = CommandResult<{ threadId: number; slug: string; number: number }> | (Failure & CurrentState);

/** The chosen tags, checked as when starting a thread: known principles, the circle's own tags, at most MAX_TAGS together. */
async function checkedTags(handle: Database, groupId: string, input: ThreadTitleInput): Promise<{ themes: Array<{ id: number }>; failure?: undefined } | { failure: Failure }> {
  const principles = [...new Set(input.principles)];
  const known = principles.length ? await handle.selectFrom("principles").select("slug").where("slug", "in", principles).execute() : [];
  if (known.length !== principles.length) return { failure: fieldFailure("principles", "validation.tags.unknown") };
  const themeSlugs = [...new Set(input.tags)];
  const themes = themeSlugs.length
    ? await handle.selectFrom("group_tags").select("id").where("group_id", "=", groupId).where("slug", "in", themeSlugs).execute()
    : [];
  if (themes.length !== themeSlugs.length) return { failure: fieldFailure("principles", "validation.tags.unknown") };
  if (known.length + themes.length > MAX_TAGS) return { failure: fieldFailure("principles", "validation.tags.tooMany") };
  return { themes };
}

/** A thread's title and tags as they are; inside a transaction, `lock` holds the thread row until it ends. */
async function titleAndTags(trx: Database, threadId: number, { lock = false } = {}) {
  const select = trx.selectFrom("threads").select(["title", "slug", "author_id"]).where("id", "=", threadId);
  const thread = await (lock ? select.forUpdate() : select).executeTakeFirstOrThrow();
  const [principles, themes] = await Promise.all([
    trx
      .selectFrom("thread_principles")
      .innerJoin("principles", "principles.slug", "thread_principles.principle_slug")
      .select("principles.slug")
      .where("thread_principles.thread_id", "=", threadId)
      .orderBy("principles.position")
      .execute(),
    trx
      .selectFrom("thread_tags")
      .innerJoin("group_tags", "group_tags.id", "thread_tags.tag_id")
      .select(["group_tags.id", "group_tags.slug", "group_tags.label"])
      .where("thread_tags.thread_id", "=", threadId)
      .orderBy("group_tags.label")
      .execute(),
  ]);
  const snapshot: TagSnapshot = [...principles.map((p) => ({ kind: "principle" as const, slug: p.slug })), ...themes.map((t) => ({ kind: "theme" as const, label: t.label }))];
  return { ...thread, principleSlugs: principles.map((p) => p.slug), themeIds: themes.map((t) => t.id), themeSlugs: themes.map((t) => t.slug), snapshot };
}

type CurrentTitleAndTags = Awaited<ReturnType<typeof titleAndTags>>;

function sameSet<T>(a: T[], b: T[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

function titleOrTagsChanged(current: CurrentTitleAndTags, input: ThreadTitleInput, themes: Array<{ id: number }>): boolean {
  return current.title !== input.title || !sameSet(current.principleSlugs, input.principles) || !sameSet(current.themeIds, themes.map((t) => t.id));
}

/** Writes the new title (and the slug that follows it) and tags; old addresses then answer with a redirect to the new slug. */
async function applyTitleAndTags(trx: Database, threadId: number, input: ThreadTitleInput, themes: Array<{ id: number }>): Promise<string> {
  const slug = slugifyTitle(input.title);
  await trx.updateTable("threads").set({ title: input.title, slug }).where("id", "=", threadId).execute();
  await trx.deleteFrom("thread_principles").where("thread_id", "=", threadId).execute();
  const principles = [...new Set(input.principles)];
  if (principles.length > 0) {
    await trx.insertInto("thread_principles").values(principles.map((slug) => ({ thread_id: threadId, principle_slug: slug }))).execute();
  }
  await trx.deleteFrom("thread_tags").where("thread_id", "=", threadId).execute();
  if (themes.length > 0) {
    await trx.insertInto("thread_tags").values(themes.map((tag) => ({ thread_id: threadId, tag_id: tag.id }))).execute();
  }
  return slug;
}

/**
 * Edits one's own post; on the opening post also the thread's title and tags
 * (`thread`). The form carries the version it started from; if the post (or
 * its title and tags, which bump the same version) changed meanwhile the
 * answer is 409 with what is posted now, and the editor keeps what they
 * typed. Every edit keeps the previous text, title and tags.
 */
export async function editPost(
  handle: Database,
  guardian: Guardian,
  postId: number,
  input: { body: string; version: number; thread?: ThreadTitleInput },
  newMembers?: NewMemberLimits,
): Promise<EditResult> {
  const asked = guardian.using(handle);
  const { found: post, member, failure } = await asked.permit(await findVisiblePost(handle, asked, postId, { readable: true }), (found) =>
    asked.canEditPost({ authorId: found.author_id, deleted: found.deleted_at !== null }),
  );
  if (failure) return failure;
  // Title and tags go with the opening post only.
  const thread = post.number === 1 ? input.thread : undefined;
  let themes: Array<{ id: number }> = [];
  if (thread) {
    const checked = await checkedTags(handle, post.group_id, thread);
    if (checked.failure) return checked.failure;
    themes = checked.themes;
  }
  const { html, mentioned } = await renderPost(handle, input.body);
  // An edit may not add what a new member could not post.
  const refusal = await newMemberRefusal(handle, asked, member.id, post.group_id, { html, mentions: mentioned.length, startingThread: false }, newMembers);
  if (refusal) return refusal;
  return commitOrRefuse<EditResult>(handle, async (trx) => {
    const current = await trx.selectFrom("posts").select(["body_markdown", "version"]).where("id", "=", postId).forUpdate().executeTakeFirstOrThrow();
    const currentThread = post.number === 1 ? await titleAndTags(trx, post.thread_id, { lock: true }) : null;
    if (current.version !== input.version) {
      return {
        ...conflict({ formError: "threads.editConflict" }),
        currentBody: current.body_markdown,
        currentVersion: current.version,
        ...(currentThread ? { currentTitle: currentThread.title, currentTags: currentThread.snapshot } : {}),
      };
    }
    const retitled = thread !== undefined && currentThread !== null && titleOrTagsChanged(currentThread, thread, themes);
    const done = { ok: true, threadId: post.thread_id, slug: currentThread?.slug ?? post.thread_slug, number: post.number } as const;
    if (current.body_markdown === input.body && !retitled) return done;
    await trx
      .insertInto("post_revisions")
      .values({
        post_id: postId,
        version: current.version,
        body_markdown: current.body_markdown,
        edited_by: member.id,
        title: currentThread?.title ?? null,
        tags: currentThread ? JSON.stringify(currentThread.snapshot) : null,
      })
      .execute();
    await trx
      .updateTable("posts")
      .set({ body_markdown: input.body, body_html: html, version: current.version + 1, edited_at: new Date() })
      .where("id", "=", postId)
      .execute();
    const slug = retitled ? await applyTitleAndTags(trx, post.thread_id, thread, themes) : done.slug;
    const before = await trx.selectFrom("post_mentions").select("member_id").where("post_id", "=", postId).execute();
    await recordMentions(trx, postId, mentioned);
    await linkAttachments(trx, member.id, postId, input.body);
    const earlier = new Set(before.map((m) => m.member_id));
    await fanOutEditedMentions(trx, {
      id: postId,
      threadId: post.thread_id,
      groupId: post.group_id,
      authorId: member.id,
      newlyMentionedIds: mentioned.map((m) => m.id).filter((id) => !earlier.has(id)),
    });
    return { ...done, slug };
  });
}

/** For the title and tags form: the thread with its opening post, and whether the actor may change them. */
export async function findRetitlableThread(handle: Database, guardian: Guardian, threadId: number) {
  const thread = await findVisibleThread(handle, guardian.actor, threadId, { readable: true });
  if (!thread) return { found: false as const };
  const opening = await handle
    .selectFrom("posts")
    .select(["id", "version", "body_markdown"])
    .where("thread_id", "=", threadId)
    .where("number", "=", 1)
    .executeTakeFirst();
  if (!opening) return { found: false as const };
  const tags = await titleAndTags(handle, threadId);
  const allowed = await guardian.canEditThreadTitle(thread.group_id, { authorId: thread.author_id, deleted: thread.deleted_at !== null });
  return { found: true as const, thread, opening, principles: tags.principleSlugs, tags: tags.themeSlugs, allowed };
}

/**
 * Changes a thread's title and tags without touching its opening post's
 * text: for its author and, at any time, the circle's hosts and site admins.
 * The opening post's version guards against two edits at once (409 with what
 * is posted now); the old title and tags go into the post's history, and a
 * host's change to someone else's thread into the audit log.
 */
export async function editThreadTitle(
  handle: Database,
  guardian: Guardian,
  threadId: number,
  input: ThreadTitleInput & { version: number },
): Promise<EditResult> {
  const asked = guardian.using(handle);
  const { found: thread, member, failure } = await asked.permit(await findVisibleThread(handle, asked.actor, threadId, { readable: true }), (found) =>
    asked.canEditThreadTitle(found.group_id, { authorId: found.author_id, deleted: found.deleted_at !== null }),
  );
  if (failure) return failure;
  const checked = await checkedTags(handle, thread.group_id, input);
  if (checked.failure) return checked.failure;
  const { themes } = checked;
  return commitOrRefuse<EditResult>(handle, async (trx) => {
    const opening = await trx
      .selectFrom("posts")
      .select(["id", "body_markdown", "version"])
      .where("thread_id", "=", threadId)
      .where("number", "=", 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const current = await titleAndTags(trx, threadId, { lock: true });
    if (opening.version !== input.version) {
      return {
        ...conflict({ formError: "threads.editTitleTags.conflict" }),
        currentBody: opening.body_markdown,
        currentVersion: opening.version,
        currentTitle: current.title,
        currentTags: current.snapshot,
      };
    }
    const done = { ok: true, threadId, slug: current.slug, number: 1 } as const;
    if (!titleOrTagsChanged(current, input, themes)) return done;
    await trx
      .insertInto("post_revisions")
      .values({
        post_id: opening.id,
        version: opening.version,
        body_markdown: opening.body_markdown,
        edited_by: member.id,
        title: current.title,
        tags: JSON.stringify(current.snapshot),
      })
      .execute();
    await trx.updateTable("posts").set({ version: opening.version + 1, edited_at: new Date() }).where("id", "=", opening.id).execute();
    const slug = await applyTitleAndTags(trx, threadId, input, themes);
    if (current.author_id !== member.id) {
      await recordAudit(trx, {
        groupId: thread.group_id,
        actorId: member.id,
        action: "thread.retitle",
        targetMemberId: current.author_id,
        postId: opening.id,
        targetLabel: current.title === input.title ? input.title : `${current.title} → ${input.title}`,
      });
    }
    return { ...done, slug };
  });
}
