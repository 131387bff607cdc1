import { z } from "zod";
import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import type { MessageKey } from "../../i18n/nl";
import { singleLineText } from "../../lib/text-input";
import { recordAudit } from "../audit.server";
import { conflict, missing, type CommandResult } from "../result";
import { inTransaction } from "../transaction.server";

const msg = (key: MessageKey) => key;

/** "For good" is stored as the last day of year 9999. */
export const FOREVER = new Date("9999-12-31T00:00:00Z");

export const suspensionSchema = z.object({
  memberId: z.string().uuid(msg("error.badRequest.text")),
  days: z.enum(["1", "7", "30", "365", "forever"], { errorMap: () => ({ message: msg("validation.suspension.days") }) }),
  reason: singleLineText().transform((v) => v.trim()).pipe(z.string().min(1, msg("validation.reason.required")).max(500, msg("validation.reason.length"))),
});

/** Site admins suspend an account for a while or for good: its sessions end at once; it can still read public content. */
export async function suspendMember(
  handle: Database,
  guardian: Guardian,
  input: { memberId: string; days: "1" | "7" | "30" | "365" | "forever"; reason: string },
): Promise<CommandResult> {
  const { member: admin, failure } = guardian.siteAdminOrFailure();
  if (failure) return failure;
  if (input.memberId === admin.id) return conflict({ formError: "groups.notYourself" });
  const until = input.days === "forever" ? FOREVER : new Date(Date.now() + Number(input.days) * 86_400_000);
  const found = await inTransaction(handle, async (trx) => {
    const member = await trx
      .updateTable("members")
      .set({ suspended_until: until, suspension_reason: input.reason })
      .where("id", "=", input.memberId)
      .returning(["id", "username"])
      .executeTakeFirst();
    if (!member) return false;
    await trx.deleteFrom("sessions").where("member_id", "=", member.id).execute();
    await recordAudit(trx, { groupId: null, actorId: admin.id, action: "member.suspend", targetMemberId: member.id, targetLabel: member.username, reason: input.reason });
    return true;
  });
  return found ? { ok: true } : missing;
}

export async function liftSuspension(handle: Database, guardian: Guardian, memberId: string): Promise<CommandResult> {
  const { member: admin, failure } = guardian.siteAdminOrFailure();
  if (failure) return failure;
  const lifted = await inTransaction(handle, async (trx) => {
    const member = await trx
      .updateTable("members")
      .set({ suspended_until: null, suspension_reason: null })
      .where("id", "=", memberId)
      .returning(["id", "username"])
      .executeTakeFirst();
    if (member) await recordAudit(trx, { groupId: null, actorId: admin.id, action: "member.unsuspend", targetMemberId: member.id, targetLabel: member.username });
    return member !== undefined;
  });
  return lifted ? { ok: true } : missing;
}
