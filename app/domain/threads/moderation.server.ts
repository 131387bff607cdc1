import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { hostsCircle, readableGroups } from "../../auth/readable.server";
import { recordAudit } from "../audit.server";
import { fieldFailure, type CommandResult } from "../result";
import { slugSchema } from "../principles/schema";
import { inTransaction } from "../transaction.server";
import { findVisiblePost } from "./posting.server";
import { findVisibleThread } from "./queries.server";

/** A post the actor may moderate (hosts of its circle, site admins), or the refusal; deleted posts are missing. */
async function moderatedPost(asked: Guardian, handle: Database, postId: number) {
  const post = await findVisiblePost(handle, asked, postId);
  return asked.permit(post?.deleted_at ? null : post, (found) => asked.canModerate(found.group_id));
}

/** A thread the actor may moderate, or the refusal. */
async function moderatedThread(asked: Guardian, handle: Database, threadId: number) {
  const thread = await findVisibleThread(handle, asked.actor, threadId);
  return asked.permit(thread, (found) => asked.canModerate(found.group_id));
}

/** Deletes a post, leaving a placeholder so the thread stays readable. Hosts' deletions are audited. */
export async function deletePost(handle: Database, guardian: Guardian, postId: number): Promise<CommandResult<{ number: number }>> {
  const asked = guardian.using(handle);
  const { found: post, member, failure } = await asked.permit(await findVisiblePost(handle, asked, postId), (found) =>
    asked.canDeletePost(found.group_id, { authorId: found.author_id, deleted: found.deleted_at !== null }),
  );
  if (failure) return failure;
  await inTransaction(handle, async (trx) => {
    const now = new Date();
    await trx.updateTable("posts").set({ deleted_at: now }).where("id", "=", postId).execute();
    // The opening post carries the thread: without it the thread leaves the lists and takes no replies.
    if (post.number === 1) await trx.updateTable("threads").set({ deleted_at: now }).where("id", "=", post.thread_id).execute();
    if (post.author_id !== member.id) {
      await recordAudit(trx, {
        groupId: post.group_id,
        actorId: member.id,
        action: "post.delete",
        targetMemberId: post.author_id,
        targetLabel: `/t/${post.thread_id}#post-${post.number}`,
      });
    }
  });
  return { ok: true, number: post.number };
}

/** Pin, unpin, lock and unlock a thread (hosts), audited. */
export async function setThreadFlag(handle: Database, guardian: Guardian, threadId: number, flag: "pinned" | "locked", value: boolean): Promise<CommandResult> {
  const { found: thread, member, failure } = await moderatedThread(guardian.using(handle), handle, threadId);
  if (failure) return failure;
  const memberId = member.id;
  await inTransaction(handle, async (trx) => {
    await trx
      .updateTable("threads")
      .set(flag === "pinned" ? { pinned: value } : { locked: value })
      .where("id", "=", threadId)
      .execute();
    await recordAudit(trx, {
      groupId: thread.group_id,
      actorId: memberId,
      action: `thread.${flag === "pinned" ? (value ? "pin" : "unpin") : value ? "lock" : "unlock"}`,
      targetLabel: thread.title,
    });
  });
  return { ok: true };
}

const reasonOf = (text: string) => text.trim().slice(0, 500);

/** Hosts hide a post with a reason (hiding the opening post hides the thread); the author and hosts still see it, marked. */
export async function hidePost(handle: Database, guardian: Guardian, postId: number, reason: string): Promise<CommandResult<{ number: number }>> {
  const { found: post, member, failure } = await moderatedPost(guardian.using(handle), handle, postId);
  if (failure) return failure;
  const memberId = member.id;
  if (reasonOf(reason).length === 0) return fieldFailure("reason", "validation.reason.required");
  if (post.hidden_at) return { ok: true, number: post.number };
  await inTransaction(handle, (trx) => applyHide(trx, post, memberId, reasonOf(reason)));
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
    postId: post.id,
    targetLabel: `${post.thread_title} #${post.number}`,
    reason,
  });
}

export async function restorePost(handle: Database, guardian: Guardian, postId: number): Promise<CommandResult<{ number: number }>> {
  const { found: post, member, failure } = await moderatedPost(guardian.using(handle), handle, postId);
  if (failure) return failure;
  const memberId = member.id;
  if (!post.hidden_at) return { ok: true, number: post.number };
  await inTransaction(handle, async (trx) => {
    await trx.updateTable("posts").set({ hidden_at: null, hidden_reason: null, hidden_by: null }).where("id", "=", postId).execute();
    if (post.number === 1) await trx.updateTable("threads").set({ hidden_at: null }).where("id", "=", post.thread_id).execute();
    await recordAudit(trx, {
      groupId: post.group_id,
      actorId: memberId,
      action: "post.restore",
      targetMemberId: post.author_id,
      postId: post.id,
      targetLabel: `${post.thread_title} #${post.number}`,
    });
  });
  return { ok: true, number: post.number };
}

/** Groups a thread could move to: those the actor hosts (all, for site admins), except its own. */
export async function listMoveTargets(handle: Database, guardian: Guardian, currentGroupId: string) {
  return handle
    .selectFrom("groups")
    .select(["groups.slug", "groups.name"])
    .where("groups.id", "!=", currentGroupId)
    .where(hostsCircle(guardian.actor, "groups.id"))
    .orderBy("groups.name")
    .execute();
}

/** Moves a thread to another group; the actor must host both. Theme tags of the old group fall away. */
export async function moveThread(handle: Database, guardian: Guardian, threadId: number, targetSlug: string): Promise<CommandResult<{ groupSlug: string }>> {
  const asked = guardian.using(handle);
  const { found: thread, member, failure } = await moderatedThread(asked, handle, threadId);
  if (failure) return failure;
  const memberId = member.id;
  // Only a well-formed slug reaches the database (a NUL byte would be a database error).
  const target = slugSchema.safeParse(targetSlug).success
    ? await handle.selectFrom("groups").select(["id", "slug", "name"]).where("slug", "=", targetSlug).where(readableGroups(asked.actor)).executeTakeFirst()
    : undefined;
  if (!target || target.id === thread.group_id) return fieldFailure("group", "validation.moveTarget");
  if (!(await asked.canModerate(target.id))) return fieldFailure("group", "validation.moveTarget", 403);
  await inTransaction(handle, async (trx) => {
    await trx.updateTable("threads").set({ group_id: target.id }).where("id", "=", threadId).execute();
    await trx
      .deleteFrom("thread_tags")
      .where("thread_id", "=", threadId)
      .where("tag_id", "in", (eb) => eb.selectFrom("group_tags").select("id").where("group_id", "=", thread.group_id))
      .execute();
    for (const groupId of [thread.group_id, target.id]) {
      await recordAudit(trx, { groupId, actorId: memberId, action: "thread.move", targetLabel: `${thread.title}: ${thread.group_name} → ${target.name}` });
    }
  });
  return { ok: true, groupSlug: target.slug };
}
