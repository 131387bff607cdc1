import type { Database } from "../../../db/index";
import { canContribute, canReply, canStartThread, isMember, type Actor } from "../../auth/policy";
import { renderMarkdown } from "../../lib/markdown.server";
import { hitRateLimit } from "../../lib/rate-limit.server";
import type { CommandResult } from "../accounts/commands.server";
import { groupIsVisibleTo, loadStanding } from "../groups/queries.server";
import { findVisibleThread } from "./queries.server";
import { slugifyTitle } from "./schema";

const notFound = { ok: false, status: 404, formError: "error.notFound.title" } as const;
const mustSignIn = { ok: false, status: 401, formError: "groups.signInFirst" } as const;
const mustVerify = { ok: false, status: 403, formError: "groups.verifyFirst" } as const;

// security.md: posting is rate-limited per person.
const POSTS_PER_WINDOW = 20;
const POST_WINDOW_SECONDS = 10 * 60;

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

/** Thread + opening post + tags + counters in one transaction. A repeated submit returns the first thread. */
export async function startThread(
  db: Database,
  actor: Actor,
  groupId: string,
  input: { title: string; body: string; principles: string[]; idempotencyKey: string },
): Promise<CommandResult<{ threadId: number; slug: string }>> {
  // Visibility first: a private circle's answer must not depend on being signed in.
  const group = await db.selectFrom("groups").select(["id"]).where("id", "=", groupId).where(groupIsVisibleTo(actor)).executeTakeFirst();
  if (!group) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const earlier = await postAlreadyMade(db, actor.id, input.idempotencyKey);
  if (earlier) return { ok: true, threadId: earlier.thread_id, slug: earlier.slug };
  if (!canContribute(actor)) return mustVerify;
  const standing = await loadStanding(db, groupId, actor);
  if (!canStartThread(actor, standing)) return { ok: false, status: 403, formError: "threads.membersOnly" };
  const known = await db.selectFrom("principles").select("slug").where("slug", "in", input.principles.length ? input.principles : [""]).execute();
  if (known.length !== new Set(input.principles).size) return { ok: false, status: 400, fieldErrors: { principles: "validation.tags.unknown" } };
  const limit = await hitRateLimit(db, `post:${actor.id}`, POSTS_PER_WINDOW, POST_WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, status: 429, formError: "rateLimit.tooMany", retryAfterSeconds: limit.retryAfterSeconds };

  const html = renderMarkdown(input.body);
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
      await trx
        .insertInto("posts")
        .values({
          thread_id: created.id,
          number: 1,
          author_id: actor.id,
          body_markdown: input.body,
          body_html: html,
          idempotency_key: input.idempotencyKey,
        })
        .execute();
      await trx.updateTable("groups").set({ last_activity_at: now }).where("id", "=", groupId).execute();
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
): Promise<CommandResult<{ number: number }>> {
  const thread = await findVisibleThread(db, actor, threadId);
  if (!thread) return notFound;
  if (!isMember(actor)) return mustSignIn;
  const earlier = await postAlreadyMade(db, actor.id, input.idempotencyKey);
  if (earlier) return { ok: true, number: earlier.number };
  if (!canContribute(actor)) return mustVerify;
  const standing = await loadStanding(db, thread.group_id, actor);
  if (!canReply(actor, standing, thread)) {
    return { ok: false, status: 403, formError: thread.locked && standing.role ? "threads.locked" : "threads.membersOnly" };
  }
  const limit = await hitRateLimit(db, `post:${actor.id}`, POSTS_PER_WINDOW, POST_WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, status: 429, formError: "rateLimit.tooMany", retryAfterSeconds: limit.retryAfterSeconds };

  const html = renderMarkdown(input.body);
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
      await trx
        .insertInto("posts")
        .values({
          thread_id: threadId,
          number: next,
          author_id: actor.id,
          body_markdown: input.body,
          body_html: html,
          idempotency_key: input.idempotencyKey,
        })
        .execute();
      await trx
        .updateTable("threads")
        .set({ post_count: next, last_posted_at: now, last_poster_id: actor.id })
        .where("id", "=", threadId)
        .execute();
      await trx.updateTable("groups").set({ last_activity_at: now }).where("id", "=", locked.group_id).execute();
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
