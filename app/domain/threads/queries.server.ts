import { sql } from "kysely";
import type { Database } from "../../../db/index";
import { ANONYMOUS, type Actor } from "../../auth/policy";
import type { Locale } from "../../i18n/index";
import { groupIsVisibleTo } from "../groups/queries.server";
import { POSTS_PER_PAGE } from "./schema";

export interface ThreadListItem {
  id: number;
  slug: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  lastPostedAt: string;
  lastPoster: string | null;
  author: string | null;
  group: { slug: string; name: string };
  principles: Array<{ slug: string; label: string }>;
}

/** Threads (with their group and tags), visibility applied in SQL; ordered pinned first, then by activity. */
async function listThreads(
  db: Database,
  actor: Actor,
  locale: Locale,
  { groupId, principle, limit }: { groupId?: string; principle?: string; limit: number },
): Promise<ThreadListItem[]> {
  let query = db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .leftJoin("members as author", "author.id", "threads.author_id")
    .leftJoin("members as last_poster", "last_poster.id", "threads.last_poster_id")
    .select([
      "threads.id",
      "threads.slug",
      "threads.title",
      "threads.pinned",
      "threads.locked",
      "threads.post_count",
      "threads.last_posted_at",
      "author.display_name as author_name",
      "last_poster.display_name as last_poster_name",
      "groups.slug as group_slug",
      "groups.name as group_name",
    ])
    .where(groupIsVisibleTo(actor))
    .limit(limit);
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
  const rows = await query.orderBy("threads.last_posted_at", "desc").orderBy("threads.id", "desc").execute();
  const tags = rows.length
    ? await db
        .selectFrom("thread_principles")
        .innerJoin("principles", "principles.slug", "thread_principles.principle_slug")
        .select(["thread_principles.thread_id", "principles.slug", "principles.label_nl", "principles.label_en", "principles.position"])
        .where(
          "thread_principles.thread_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("principles.position")
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    pinned: row.pinned,
    locked: row.locked,
    replyCount: Math.max(0, row.post_count - 1),
    lastPostedAt: row.last_posted_at.toISOString(),
    lastPoster: row.last_poster_name,
    author: row.author_name,
    group: { slug: row.group_slug, name: row.group_name },
    principles: tags
      .filter((t) => t.thread_id === row.id)
      .map((t) => ({ slug: t.slug, label: locale === "en" ? t.label_en : t.label_nl })),
  }));
}

export function listGroupThreads(db: Database, actor: Actor, locale: Locale, groupId: string, limit = 50) {
  return listThreads(db, actor, locale, { groupId, limit });
}

/** Public threads only, whoever asks (principle pages, the home page, feeds). */
export function listPublicThreads(db: Database, locale: Locale, { principle, limit = 10 }: { principle?: string; limit?: number } = {}) {
  return listThreads(db, ANONYMOUS, locale, { principle, limit });
}

/** A thread the actor may see (its group visible), or null. */
export async function findVisibleThread(db: Database, actor: Actor, threadId: number) {
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
      "groups.id as group_id",
      "groups.slug as group_slug",
      "groups.name as group_name",
      "groups.visibility as group_visibility",
      "groups.listed as group_listed",
      "groups.join_policy as group_join_policy",
    ])
    .where("threads.id", "=", threadId)
    .where(groupIsVisibleTo(actor))
    .executeTakeFirst();
}

export async function listThreadPrinciples(db: Database, threadId: number, locale: Locale) {
  const rows = await db
    .selectFrom("thread_principles")
    .innerJoin("principles", "principles.slug", "thread_principles.principle_slug")
    .select(["principles.slug", "principles.label_nl", "principles.label_en"])
    .where("thread_principles.thread_id", "=", threadId)
    .orderBy("principles.position")
    .execute();
  return rows.map((r) => ({ slug: r.slug, label: locale === "en" ? r.label_en : r.label_nl }));
}

/** One page of posts (POSTS_PER_PAGE each), by their stable numbers. */
export async function listThreadPosts(db: Database, threadId: number, page: number) {
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  const rows = await db
    .selectFrom("posts")
    .leftJoin("members", "members.id", "posts.author_id")
    .select([
      "posts.id",
      "posts.number",
      "posts.body_html",
      "posts.created_at",
      "posts.edited_at",
      "posts.deleted_at",
      "posts.author_id",
      "members.username",
      "members.display_name",
    ])
    .where("posts.thread_id", "=", threadId)
    .where("posts.number", ">=", first)
    .where("posts.number", "<", first + POSTS_PER_PAGE)
    .orderBy("posts.number")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    html: r.deleted_at ? "" : r.body_html,
    deleted: r.deleted_at !== null,
    authorId: r.author_id,
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    author: r.username ? { username: r.username, name: r.display_name ?? r.username } : null,
  }));
}

/** A post of this thread as a Markdown quote that links back to it (for the reply box). */
export async function quoteForReply(db: Database, threadId: number, threadSlug: string, postId: number): Promise<string | null> {
  const post = await db
    .selectFrom("posts")
    .leftJoin("members", "members.id", "posts.author_id")
    .select(["posts.number", "posts.body_markdown", "members.username"])
    .where("posts.id", "=", postId)
    .where("posts.thread_id", "=", threadId)
    .where("posts.deleted_at", "is", null)
    .executeTakeFirst();
  if (!post) return null;
  const page = Math.ceil(post.number / POSTS_PER_PAGE);
  const link = `/t/${threadId}/${threadSlug}${page > 1 ? `?page=${page}` : ""}#post-${post.number}`;
  const quoted = post.body_markdown.trim().split("\n").map((line) => `> ${line}`.trimEnd()).join("\n");
  return `[@${post.username ?? "…"}](${link}):\n${quoted}\n\n`;
}

/** A member's posts that the viewer may see, newest first (for their profile). */
export async function listPostsByMember(db: Database, actor: Actor, memberId: string, limit = 20) {
  const rows = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["posts.id", "posts.number", "posts.created_at", "threads.id as thread_id", "threads.slug", "threads.title", "groups.name as group_name"])
    .where("posts.author_id", "=", memberId)
    .where("posts.deleted_at", "is", null)
    .where(groupIsVisibleTo(actor))
    .orderBy("posts.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const page = Math.ceil(r.number / POSTS_PER_PAGE);
    return {
      id: r.id,
      title: r.title,
      group: r.group_name,
      createdAt: r.created_at.toISOString(),
      href: `/t/${r.thread_id}/${r.slug}${page > 1 ? `?page=${page}` : ""}#post-${r.number}`,
    };
  });
}

export interface ReactionSummary {
  kind: "agree" | "heart" | "insight" | "thanks";
  count: number;
  names: string[];
  mine: boolean;
}

/** Reactions on a page of posts: per post and kind, the count, who, and whether the viewer gave it. */
export async function listReactions(db: Database, postIds: number[], viewerId: string | null): Promise<Map<number, ReactionSummary[]>> {
  const result = new Map<number, ReactionSummary[]>();
  if (postIds.length === 0) return result;
  const rows = await db
    .selectFrom("post_reactions")
    .innerJoin("members", "members.id", "post_reactions.member_id")
    .select(["post_reactions.post_id", "post_reactions.kind", "post_reactions.member_id", "members.display_name"])
    .where("post_reactions.post_id", "in", postIds)
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
