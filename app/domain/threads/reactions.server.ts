import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { fanOutReaction } from "../notifications/fanout.server";
import { forbidden, type CommandResult } from "../result";
import { inTransaction } from "../transaction.server";

export type ReactionKind = "agree" | "heart" | "insight" | "thanks";

/**
 * Adds the reaction, or takes it back when the person already gave it. Only
 * on a post the actor may read (`readablePosts`): a hidden or deleted post
 * is missing, as on its page. Never on one's own post.
 */
export async function toggleReaction(
  handle: Database,
  guardian: Guardian,
  postId: number,
  kind: ReactionKind,
): Promise<CommandResult<{ number: number; threadId: number; slug: string }>> {
  const asked = guardian.using(handle);
  const post = await handle
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["posts.number", "posts.author_id", "threads.id as thread_id", "threads.slug as thread_slug", "groups.id as group_id"])
    .where("posts.id", "=", postId)
    .where(asked.readable.posts())
    .executeTakeFirst();
  const { found, member, failure } = await asked.permit(post, (visible) => asked.canReact(visible.group_id), forbidden("threads.membersOnly"));
  if (failure) return failure;
  // One's own post: the buttons are not offered there, and a crafted request is refused.
  if (!(await asked.canReactTo(found.group_id, { authorId: found.author_id }))) return forbidden("reaction.ownPost");
  await inTransaction(handle, async (trx) => {
    const removed = await trx.deleteFrom("post_reactions").where("post_id", "=", postId).where("member_id", "=", member.id).where("kind", "=", kind).executeTakeFirst();
    if (removed.numDeletedRows > 0n) return;
    const added = await trx
      .insertInto("post_reactions")
      .values({ post_id: postId, member_id: member.id, kind })
      .onConflict((oc) => oc.doNothing())
      .returning("post_id")
      .executeTakeFirst();
    if (added) await fanOutReaction(trx, { postId, reactorId: member.id });
  });
  return { ok: true, number: found.number, threadId: found.thread_id, slug: found.thread_slug };
}
