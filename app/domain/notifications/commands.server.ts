import { z } from "zod";
import type { Database } from "../../../db/index";
import type { WatchLevel } from "../../../db/schema";
import type { Guardian } from "../../auth/guardian.server";
import { missing, type CommandResult } from "../result";
import { findVisibleThread } from "../threads/queries.server";
import { setThreadWatch } from "./fanout.server";
import { findNotification } from "./queries.server";

export const watchSchema = z.object({ level: z.enum(["watching", "tracking", "muted"]) });

export async function watchThread(handle: Database, guardian: Guardian, threadId: number, level: WatchLevel): Promise<CommandResult> {
  const { member, failure } = await guardian.permit(await findVisibleThread(handle, guardian.actor, threadId), () => true);
  if (failure) return failure;
  await setThreadWatch(handle, member.id, threadId, level, true);
  return { ok: true };
}

export async function watchGroup(handle: Database, guardian: Guardian, groupId: string, level: WatchLevel): Promise<CommandResult> {
  const visible = (await guardian.using(handle).seesGroup(groupId)) ? { groupId } : null;
  const { member, failure } = await guardian.permit(visible, () => true);
  if (failure) return failure;
  await handle
    .insertInto("group_watches")
    .values({ member_id: member.id, group_id: groupId, level })
    .onConflict((oc) => oc.columns(["member_id", "group_id"]).doUpdateSet({ level }))
    .execute();
  return { ok: true };
}

export async function watchPrinciple(handle: Database, guardian: Guardian, slug: string, on: boolean): Promise<CommandResult> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  const principle = await handle.selectFrom("principles").select("slug").where("slug", "=", slug).executeTakeFirst();
  if (!principle) return missing;
  if (on) {
    await handle.insertInto("principle_watches").values({ member_id: member.id, principle_slug: slug }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await handle.deleteFrom("principle_watches").where("member_id", "=", member.id).where("principle_slug", "=", slug).execute();
  }
  return { ok: true };
}

export async function watchLevels(db: Database, memberId: string, target: { threadId?: number; groupId?: string; principle?: string }) {
  const [thread, group, principle] = await Promise.all([
    target.threadId
      ? db.selectFrom("thread_watches").select("level").where("member_id", "=", memberId).where("thread_id", "=", target.threadId).executeTakeFirst()
      : undefined,
    target.groupId
      ? db.selectFrom("group_watches").select("level").where("member_id", "=", memberId).where("group_id", "=", target.groupId).executeTakeFirst()
      : undefined,
    target.principle
      ? db.selectFrom("principle_watches").select("member_id").where("member_id", "=", memberId).where("principle_slug", "=", target.principle).executeTakeFirst()
      : undefined,
  ]);
  return { thread: thread?.level ?? null, group: group?.level ?? null, principle: principle !== undefined };
}

/** Every notification of the member read. */
export async function markAllRead(handle: Database, memberId: string): Promise<void> {
  await handle.updateTable("notifications").set({ read_at: new Date() }).where("member_id", "=", memberId).where("read_at", "is", null).execute();
}

/** One notification read; false when it is not the member's. */
export async function markRead(handle: Database, memberId: string, id: number): Promise<boolean> {
  const result = await handle.updateTable("notifications").set({ read_at: new Date() }).where("id", "=", id).where("member_id", "=", memberId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Opening a notification: marks it read and answers where it points (or null when it is not the member's). */
export async function openNotification(handle: Database, memberId: string, id: number): Promise<{ href: string | null } | null> {
  const notification = await findNotification(handle, memberId, id);
  if (!notification) return null;
  await markRead(handle, memberId, id);
  return { href: notification.href };
}
