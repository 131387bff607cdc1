import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import type { Locale } from "../../i18n/index";
import { excerpt } from "../../lib/page-meta";
import { loadDraft } from "../drafts/drafts.server";
import { withQuote } from "../drafts/schema";
import { watchLevels } from "../notifications/commands.server";
import { listMoveTargets } from "./moderation.server";
import { markThreadRead } from "./reading.server";
import { findReadableThread, lastReadNumber, listThreadPosts, loadThreadTags, quotePost, reactionsOnPosts } from "./queries.server";
import { POSTS_PER_PAGE, postPath } from "./schema";

export interface ThreadPageRequest {
  threadId: number;
  /** The slug in the address, to send old or missing slugs to the canonical one. */
  slug: string | undefined;
  /** The requested page: 1 when none was asked for, 0 when the parameter is not a page number. */
  page: number;
  /** `?quote=` as a post id, or null. */
  quote: number | null;
  /** The query string as requested (kept on the canonical redirect). */
  search: string;
  locale: Locale;
}

export type ThreadPageResult = { kind: "missing" } | { kind: "moved"; location: string } | { kind: "page"; page: Awaited<ReturnType<typeof threadPage>> };

/**
 * Everything the thread page shows to this reader: the thread (if they may
 * read it, see `readableThreads`), one page of posts with reactions and what
 * they may do to each, where their unread posts start, and the host tools.
 * Moves the reader's read marker forward (never backwards).
 */
export async function loadThreadPage(db: Database, guardian: Guardian, request: ThreadPageRequest): Promise<ThreadPageResult> {
  // A deleted thread is gone for all but its hosts; a hidden one stays with its author and hosts.
  const thread = await findReadableThread(db, guardian.actor, request.threadId);
  if (!thread) return { kind: "missing" };
  const pages = Math.max(1, Math.ceil(thread.post_count / POSTS_PER_PAGE));
  if (request.page < 1 || request.page > pages) return { kind: "missing" };
  // One canonical address per page: /t/:id/:slug(?page=N).
  if (request.slug !== thread.slug) return { kind: "moved", location: `/t/${thread.id}/${thread.slug}${request.search}` };
  return { kind: "page", page: await threadPage(db, guardian, thread, request, pages) };
}

type ReadableThread = NonNullable<Awaited<ReturnType<typeof findReadableThread>>>;

async function threadPage(db: Database, guardian: Guardian, thread: ReadableThread, request: ThreadPageRequest, pages: number) {
  const { page, locale } = request;
  const can = await guardian.groupPermissions(thread.group_id, {
    visibility: thread.group_visibility,
    listed: thread.group_listed,
    joinPolicy: thread.group_join_policy,
  });
  const viewerId = guardian.memberId;
  const moderates = await guardian.canModerate(thread.group_id);
  const posts = await listThreadPosts(db, guardian.actor, thread.id, page);
  // Independent reads, side by side.
  const [reactions, lastRead, tags, watchLevel, draft] = await Promise.all([
    reactionsOnPosts(
      db,
      guardian.actor,
      posts.map((p) => p.id),
    ),
    viewerId ? lastReadNumber(db, viewerId, thread.id) : null,
    loadThreadTags(db, [thread.id], locale),
    viewerId ? watchLevels(db, viewerId, { threadId: thread.id }) : null,
    viewerId ? loadDraft(db, guardian, { threadId: thread.id }) : null,
  ]);
  let firstUnread: { number: number; href: string } | null = null;
  if (viewerId) {
    if (lastRead !== null && lastRead < thread.post_count) {
      const number = lastRead + 1;
      firstUnread = { number, href: postPath(thread.id, thread.slug, number) };
    }
    // Only a step forward is written: rereading costs no write.
    const lastShown = posts.at(-1)?.number;
    if (lastShown !== undefined && (lastRead === null || lastShown > lastRead)) await markThreadRead(db, viewerId, thread.id, lastShown);
  }
  // Text for search engines and link previews comes only from what a visitor may read (`readableThreads(PUBLIC_READER)`).
  const isPublic = Boolean(thread.public);
  // (A public thread's opening post is neither hidden nor deleted; on page 1 it is already loaded.)
  const firstOnPage = posts[0]?.number === 1 ? posts[0] : undefined;
  const opening = !isPublic
    ? undefined
    : firstOnPage
      ? { body_html: firstOnPage.html, display_name: firstOnPage.author?.name ?? null }
      : await openingPost(db, thread.id);
  const description = opening ? excerpt(opening.body_html) : "";
  const watch = watchLevel ? (watchLevel.thread ?? "tracking") : null;
  const quote = request.quote !== null ? await quotePost(db, guardian.actor, thread.id, request.quote) : null;
  const withPermissions = await Promise.all(
    posts.map(async ({ authorId, ...post }) => ({
      ...post,
      reactions: reactions.get(post.id) ?? [],
      can: {
        report: guardian.canReport({ authorId, deleted: post.deleted }),
        react: await guardian.canReactTo(thread.group_id, { authorId }),
        edit: guardian.canEditPost({ authorId, deleted: post.deleted }),
        delete: await guardian.canDeletePost(thread.group_id, { authorId, deleted: post.deleted }),
      },
    })),
  );
  return {
    thread: {
      id: thread.id,
      slug: thread.slug,
      title: thread.title,
      locked: thread.locked,
      pinned: thread.pinned,
      hidden: thread.hidden_at !== null,
      deleted: thread.deleted_at !== null,
      postCount: thread.post_count,
    },
    group: { slug: thread.group_slug, name: thread.group_name },
    tags: tags.get(thread.id) ?? [],
    posts: withPermissions,
    page,
    pages,
    firstUnread,
    watch,
    isPublic,
    description,
    openingAuthor: opening?.display_name ?? null,
    createdAt: thread.created_at.toISOString(),
    signedIn: guardian.member !== null,
    can: {
      reply: await guardian.canReply({ groupId: thread.group_id, locked: thread.locked, hidden: thread.hidden_at !== null, deleted: thread.deleted_at !== null }),
      join: can.join || can.requestToJoin,
      moderate: moderates,
      react: await guardian.canReact(thread.group_id),
    },
    moveTargets: moderates ? await listMoveTargets(db, guardian, thread.group_id) : [],
    idempotencyKey: randomUUID(),
    quote,
    // The reply box starts with the member's saved draft; an old `?quote=` link appends its quote to it (never replaces it).
    // (Once saved with its quote, reloading the link does not append it twice.)
    replyText: quote && !draft?.body.includes(quote.trim()) ? withQuote(draft?.body ?? "", quote) : (draft?.body ?? null),
    draftText: draft?.body ?? null,
    draftSavedAt: draft?.updatedAt ?? null,
  };
}

/** The opening post of a public thread, for its description and JSON-LD when page 1 is not the one shown. */
function openingPost(db: Database, threadId: number) {
  return db
    .selectFrom("posts")
    .leftJoin("members", "members.id", "posts.author_id")
    .select(["posts.body_html", "members.display_name"])
    .where("posts.thread_id", "=", threadId)
    .where("posts.number", "=", 1)
    .executeTakeFirst();
}

export type ThreadPage = Awaited<ReturnType<typeof threadPage>>;
export type ThreadPost = ThreadPage["posts"][number];
