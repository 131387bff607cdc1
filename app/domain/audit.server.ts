import type { Database } from "../../db/index";

export interface AuditEntry {
  groupId: string | null;
  actorId: string | null;
  action: string;
  targetMemberId?: string | null;
  targetLabel?: string;
  reason?: string;
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
    })
    .execute();
}
