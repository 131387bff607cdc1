import type { Database } from "../../db/index";

export interface AuditEntry {
  groupId: string | null;
  actorId: string | null;
  action: string;
  targetMemberId?: string | null;
  targetLabel?: string;
  reason?: string;
  /** The post it is about, so the public log can apply the readable filter to its thread. */
  postId?: number;
}

/** Every host and admin action lands here, in the same transaction as the action. */
export async function recordAudit(handle: Database, entry: AuditEntry): Promise<void> {
  await handle
    .insertInto("audit_log")
    .values({
      group_id: entry.groupId,
      actor_id: entry.actorId,
      action: entry.action,
      target_member_id: entry.targetMemberId ?? null,
      target_label: entry.targetLabel ?? "",
      reason: entry.reason ?? "",
      post_id: entry.postId ?? null,
    })
    .execute();
}
