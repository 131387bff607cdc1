import { sql } from "kysely";
import type { Database } from "../../../db/index";
import { ANONYMOUS, memberIdOf, type Actor } from "../../auth/policy";
import type { Locale } from "../../i18n/index";
import { PUBLIC_READER, readableGroups, readablePosts, readableThreads, type Reader } from "../../auth/readable.server";
import { POSTS_PER_PAGE, postPath } from "./schema";

export interface ThreadTag {
  slug: string;
  label: string;
  /** Principle tags link to the principle page, theme tags to the group filtered by them. */
  href: string;
}

export interface ThreadListItem {
  id: number;
  slug: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  replyCount: number;
  lastPostedAt: string;
  lastPoster: string | null;
  author: string | null;
  group: { slug: string; name: string };
  tags: ThreadTag[];
  /** For members: posts they have not read yet ("new" when they never opened the thread); null for visitors. */
  unread: { count: number; never: boolean } | null;
}

export const THREADS_PER_PAGE = 30;

/** The principle and theme tags of some threads, principles first. */
export async function loadThreadTags(db: Database, threadIds: number[], locale: Locale): Promise<Map<number, ThreadTag[]>> {
  const result = new Map<number, ThreadTag[]>();
  if (threadIds.length === 0) return result;
  const [principles, themes] = await Promise.all([
    db
      .selectFrom("thread_principles")
      .innerJoin("principles", "principles.slug", "thread_principles.principle_slug")
      .select(["thread_principles.thread_id", "principles.slug", "principles.label_nl", "principles.label_en"])
      .where("thread_principles.thread_id", "in", threadIds)
      .orderBy("principles.position")
      .execute(),
    db
      .selectFrom("thread_tags")
      .innerJoin("group_tags", "group_tags.id", "thread_tags.tag_id")
      .innerJoin("groups", "groups.id", "group_tags.group_id")
      .select(["thread_tags.thread_id", "group_tags.slug", "group_tags.label", "groups.slug as group_slug"])
      .where("thread_tags.thread_id", "in", threadIds)
      .orderBy("group_tags.label")
      .execute(),
  ]);
  const add = (threadId: number, tag: ThreadTag) => result.set(threadId, [...(result.get(threadId) ?? []), tag]);
  for (const p of principles) add(p.thread_id, principleTag(p.slug, locale === "en" ? p.label_en : p.label_nl));
  for (const t of themes) add(t.thread_id, themeTag(t.slug, t.label, t.group_slug));
  return result;
}

const principleTag = (slug: string, label: string): ThreadTag => ({ slug, label, href: `/p/${slug}` });
const themeTag = (slug: string, label: string, groupSlug: string): ThreadTag => ({
  slug,
  label,
  href: `/g/${groupSlug}?tag=${encodeURIComponent(slug)}`,
});

/** Threads (with their group and tags), visibility applied in SQL; ordered pinned first, then by activity. */
async function listThreads(
  db: Database,
  actor: Actor,
  locale: Locale,
  {
    groupId,
    principle,
    themeTagId,
    includeHidden = false,
    publicOnly = false,
    limit,
    offset = 0,
  }: { groupId?: string; principle?: string; themeTagId?: number; includeHidden?: boolean; publicOnly?: boolean; limit: number; offset?: number },
): Promise<ThreadListItem[]> {
  const viewerId = memberIdOf(actor);
  const reader: Reader = publicOnly ? PUBLIC_READER : actor;
  let query = db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .leftJoin("members as author", "author.id", "threads.author_id")
    .leftJoin("members as last_poster", "last_poster.id", "threads.last_poster_id")
    .leftJoin("thread_reads", (join) =>
      join.onRef("thread_reads.thread_id", "=", "threads.id").on("thread_reads.member_id", "=", viewerId ?? "00000000-0000-0000-0000-000000000000"),
    )
    .select([
      "threads.id",
      "threads.slug",
      "threads.title",
      "threads.pinned",
      "threads.locked",
      "threads.hidden_at",
      "threads.post_count",
      "threads.last_posted_at",
      "threads.last_poster_id",
      "author.display_name as author_name",
      "last_poster.display_name as last_poster_name",
      "groups.slug as group_slug",
      "groups.name as group_name",
      "thread_reads.last_read_number",
      // Tags in the same round trip: principles in their order, then theme tags by label.
      sql<Array<[string, string, string]>>`(
        select coalesce(json_agg(json_build_array(p.slug, p.label_nl, p.label_en) order by p.position), '[]')
        from thread_principles tp join principles p on p.slug = tp.principle_slug
        where tp.thread_id = threads.id)`.as("principle_tags"),
      sql<Array<[string, string, string]>>`(
        select coalesce(json_agg(json_build_array(gt.slug, gt.label, tg.slug) order by gt.label), '[]')
        from thread_tags tt join group_tags gt on gt.id = tt.tag_id join groups tg on tg.id = gt.group_id
        where tt.thread_id = threads.id)`.as("theme_tags"),
    ])
    .where(readableThreads(reader))
    // Lists are narrower than the thread page: deleted threads never, hidden ones only where a host asks for them.
    .where("threads.deleted_at", "is", null)
    .limit(limit)
    .offset(offset);
  if (!includeHidden) query = query.where("threads.hidden_at", "is", null);
  if (groupId) query = query.where("threads.group_id", "=", groupId).orderBy("threads.pinned", "desc");
  if (principle) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("thread_principles")
          .select(sql`1`.as("one"))
          .whereRef("thread_principles.thread_id", "=", "threads.id")
          .where("thread_principles.principle_slug", "=", principle),
      ),
    );
  }
  if (themeTagId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("thread_tags")
          .select(sql`1`.as("one"))
          .whereRef("thread_tags.thread_id", "=", "threads.id")
          .where("thread_tags.tag_id", "=", themeTagId),
      ),
    );
  }
  const rows = await query.orderBy("threads.last_posted_at", "desc").orderBy("threads.id", "desc").execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    pinned: row.pinned,
    locked: row.locked,
    hidden: row.hidden_at !== null,
    replyCount: Math.max(0, row.post_count - 1),
    lastPostedAt: row.last_posted_at.toISOString(),
    lastPoster: row.last_poster_name,
    author: row.author_name,
    group: { slug: row.group_slug, name: row.group_name },
    tags: [
      ...row.principle_tags.map(([slug, nl, en]) => principleTag(slug, locale === "en" ? en : nl)),
      ...row.theme_tags.map(([slug, label, groupSlug]) => themeTag(slug, label, groupSlug)),
    ],
    // A thread whose last post is the reader's own has nothing new for them, whatever their read mark says.
    unread:
      viewerId === null
        ? null
        : row.last_poster_id === viewerId
          ? { count: 0, never: false }
          : { count: Math.max(0, row.post_count - (row.last_read_number ?? 0)), never: row.last_read_number === null },
  }));
}

/** One page of a group's threads; hosts also see hidden ones. A `tag` is a principle or one of the group's theme tags. */
export function listGroupThreads(
  db: Database,
  actor: Actor,
  locale: Locale,
  groupId: string,
  { page = 1, includeHidden = false, principle, themeTagId }: { page?: number; includeHidden?: boolean; principle?: string; themeTagId?: number } = {},
) {
  return listThreads(db, actor, locale, {
    groupId,
    includeHidden,
    principle,
    themeTagId,
    limit: THREADS_PER_PAGE + 1,
    offset: (page - 1) * THREADS_PER_PAGE,
  });
}

/** Public threads only, whoever asks (principle pages, the home page, feeds). */
export function listPublicThreads(db: Database, locale: Locale, { principle, limit = 10 }: { principle?: string; limit?: number } = {}) {
  return listThreads(db, ANONYMOUS, locale, { principle, limit, publicOnly: true });
}

export async function listGroupTags(db: Database, groupId: string) {
  return db.selectFrom("group_tags").select(["id", "slug", "label"]).where("group_id", "=", groupId).orderBy("label").execute();
}

/** A thread the actor may read (see `readableThreads`), or null: what the thread page shows. */
export function findReadableThread(db: Database, actor: Actor, threadId: number) {
  return findVisibleThread(db, actor, threadId, { readable: true });
}

/**
 * A thread in a circle the actor may see, or null, whether or not it is
 * hidden or deleted: commands load it this way and answer with their own
 * refusals (a reply to a hidden thread is told so).
 */
export async function findVisibleThread(db: Database, actor: Actor, threadId: number, { readable = false } = {}) {
  return db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select([
      "threads.id",
      "threads.slug",
      "threads.title",
      "threads.locked",
      "threads.pinned",
      "threads.post_count",
      "threads.created_at",
      "threads.author_id",
      "threads.hidden_at",
      "threads.deleted_at",
      "groups.id as group_id",
      "groups.slug as group_slug",
      "groups.name as group_name",
      "groups.visibility as group_visibility",
      "groups.listed as group_listed",
      "groups.join_policy as group_join_policy",
      // Whether visitors may read it too: what page metadata, JSON-LD and indexing go by.
      readableThreads(PUBLIC_READER).as("public"),
    ])
    .where("threads.id", "=", threadId)
    .where(readable ? readableThreads(actor) : readableGroups(actor))
    .executeTakeFirst();
}

/**
 * One page of posts (POSTS_PER_PAGE each), by their stable numbers. A hidden
 * post's text goes only to its author and to those who moderate the thread.
 */
export async function listThreadPosts(db: Database, actor: Actor, threadId: number, page: number) {
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  const rows = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .leftJoin("members", "members.id", "posts.author_id")
    .select([
      readablePosts(actor).as("readable"),
      "posts.id",
      "posts.number",
      "posts.body_html",
      "posts.created_at",
      "posts.edited_at",
      "posts.deleted_at",
      "posts.hidden_at",
      "posts.hidden_reason",
      "posts.author_id",
      "members.username",
      "members.display_name",
      "members.avatar_version",
    ])
    .where("posts.thread_id", "=", threadId)
    .where("posts.number", ">=", first)
    .where("posts.number", "<", first + POSTS_PER_PAGE)
    .orderBy("posts.number")
    .execute();
  return rows.map((r) => {
    const readable = Boolean(r.readable);
    return {
      id: r.id,
      number: r.number,
      html: readable ? r.body_html : "",
      deleted: r.deleted_at !== null,
      hidden: r.hidden_at !== null ? { reason: r.hidden_reason ?? "", shown: readable } : null,
      authorId: r.author_id,
      createdAt: r.created_at.toISOString(),
      editedAt: r.edited_at?.toISOString() ?? null,
      author: r.username ? { username: r.username, name: r.display_name ?? r.username, avatarVersion: r.avatar_version } : null,
    };
  });
}

/**
 * A post's earlier versions, newest first, with the post as it is now; null
 * when the actor may not read the post's text (missing, deleted, hidden from
 * them, or in a thread they may not read), exactly as on the thread page.
 */
export async function listPostRevisions(db: Database, actor: Actor, postId: number) {
  const post = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["posts.id", "posts.number", "posts.body_markdown", "threads.id as thread_id", "threads.slug as thread_slug", "threads.title as thread_title"])
    .where("posts.id", "=", postId)
    .where(readablePosts(actor))
    .executeTakeFirst();
  if (!post) return null;
  const revisions = await db
    .selectFrom("post_revisions")
    .leftJoin("members", "members.id", "post_revisions.edited_by")
    .select(["post_revisions.version", "post_revisions.body_markdown", "post_revisions.title", "post_revisions.tags", "post_revisions.created_at", "members.username"])
    .where("post_revisions.post_id", "=", postId)
    .orderBy("post_revisions.version", "desc")
    .execute();
  // The opening post's revisions keep the thread's title and tags before each edit; these are the ones now.
  const tags =
    post.number === 1
      ? await Promise.all([
          db.selectFrom("thread_principles").select("principle_slug as slug").where("thread_id", "=", post.thread_id).execute(),
          db
            .selectFrom("thread_tags")
            .innerJoin("group_tags", "group_tags.id", "thread_tags.tag_id")
            .select("group_tags.label")
            .where("thread_tags.thread_id", "=", post.thread_id)
            .orderBy("group_tags.label")
            .execute(),
        ])
      : null;
  const currentTags = tags
    ? [...tags[0].map((p) => ({ kind: "principle" as const, slug: p.slug })), ...tags[1].map((t) => ({ kind: "theme" as const, label: t.label }))]
    : null;
  return { post, revisions, currentTags };
}

export async function lastReadNumber(db: Database, memberId: string, threadId: number): Promise<number | null> {
  const row = await db
    .selectFrom("thread_reads")
    .select("last_read_number")
    .where("member_id", "=", memberId)
    .where("thread_id", "=", threadId)
    .executeTakeFirst();
  return row?.last_read_number ?? null;
}

/** A post as a Markdown quote that links back to it. */
function asQuote(post: { number: number; body_markdown: string; username: string | null }, threadId: number, threadSlug: string): string {
  const link = postPath(threadId, threadSlug, post.number);
  const quoted = post.body_markdown.trim().split("\n").map((line) => `> ${line}`.trimEnd()).join("\n");
  return `[@${post.username ?? "…"}](${link}):\n${quoted}\n\n`;
}

/**
 * A post (of this thread, or of any with null) as a Markdown quote for the
 * actor's reply box, or null. Only a post the actor may read (`readablePosts`),
 * and never a hidden one, even for its author or a host: a quote republishes
 * the text to the whole circle.
 */
export async function quotePost(db: Database, actor: Actor, threadId: number | null, postId: number): Promise<string | null> {
  const post = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .leftJoin("members", "members.id", "posts.author_id")
    .select(["posts.number", "posts.body_markdown", "members.username", "threads.slug", "posts.thread_id"])
    .where("posts.id", "=", postId)
    .$if(threadId !== null, (query) => query.where("posts.thread_id", "=", threadId ?? 0))
    .where(readablePosts(actor))
    .where("posts.hidden_at", "is", null)
    .where("threads.hidden_at", "is", null)
    .executeTakeFirst();
  return post ? asQuote(post, post.thread_id, post.slug) : null;
}

/** A member's posts that the viewer may see, newest first (for their profile). */
export async function listPostsByMember(db: Database, actor: Actor, memberId: string, limit = 20) {
  const rows = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["posts.id", "posts.number", "posts.created_at", "threads.id as thread_id", "threads.slug", "threads.title", "groups.name as group_name"])
    .where("posts.author_id", "=", memberId)
    .where(readablePosts(actor))
    .orderBy("posts.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    return {
      id: r.id,
      title: r.title,
      group: r.group_name,
      createdAt: r.created_at.toISOString(),
      href: postPath(r.thread_id, r.slug, r.number),
    };
  });
}

export interface ReactionSummary {
  kind: "agree" | "heart" | "insight" | "thanks";
  count: number;
  names: string[];
  mine: boolean;
}

/**
 * Reactions on a page of posts: per post and kind, the count, who, and
 * whether the viewer gave it; only on posts the actor may read (`readablePosts`).
 */
export async function reactionsOnPosts(db: Database, actor: Actor, postIds: number[]): Promise<Map<number, ReactionSummary[]>> {
  const viewerId = memberIdOf(actor);
  const result = new Map<number, ReactionSummary[]>();
  if (postIds.length === 0) return result;
  const rows = await db
    .selectFrom("post_reactions")
    .innerJoin("members", "members.id", "post_reactions.member_id")
    .innerJoin("posts", "posts.id", "post_reactions.post_id")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["post_reactions.post_id", "post_reactions.kind", "post_reactions.member_id", "members.display_name"])
    .where("post_reactions.post_id", "in", postIds)
    .where(readablePosts(actor))
    .orderBy("post_reactions.created_at")
    .execute();
  for (const row of rows) {
    const list = result.get(row.post_id) ?? [];
    let entry = list.find((e) => e.kind === row.kind);
    if (!entry) {
      entry = { kind: row.kind, count: 0, names: [], mine: false };
      list.push(entry);
    }
    entry.count += 1;
    entry.names.push(row.display_name);
    if (row.member_id === viewerId) entry.mine = true;
    result.set(row.post_id, list);
  }
  return result;
}
