import { z } from "zod";
import type { Database } from "../../../db/index";
import { isSiteAdmin, type Actor } from "../../auth/policy";
import type { MessageKey } from "../../i18n/nl";
import { singleLineText } from "../../lib/text-input";
import type { CommandResult } from "../accounts/commands.server";
import { recordAudit } from "../groups/commands.server";

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
  db: Database,
  actor: Actor,
  input: { memberId: string; days: "1" | "7" | "30" | "365" | "forever"; reason: string },
): Promise<CommandResult> {
  if (actor.kind !== "member") return { ok: false, status: 401, formError: "groups.signInFirst" };
  if (!isSiteAdmin(actor)) return { ok: false, status: 403, formError: "error.forbidden.text" };
  if (input.memberId === actor.id) return { ok: false, status: 409, formError: "groups.notYourself" };
  const until = input.days === "forever" ? FOREVER : new Date(Date.now() + Number(input.days) * 86_400_000);
  const found = await db.transaction().execute(async (trx) => {
    const member = await trx
      .updateTable("members")
      .set({ suspended_until: until, suspension_reason: input.reason })
      .where("id", "=", input.memberId)
      .returning(["id", "username"])
      .executeTakeFirst();
    if (!member) return false;
    await trx.deleteFrom("sessions").where("member_id", "=", member.id).execute();
    await recordAudit(trx, { groupId: null, actorId: actor.id, action: "member.suspend", targetMemberId: member.id, targetLabel: member.username, reason: input.reason });
    return true;
  });
  return found ? { ok: true } : { ok: false, status: 404, formError: "error.notFound.title" };
}

export async function liftSuspension(db: Database, actor: Actor, memberId: string): Promise<CommandResult> {
  if (actor.kind !== "member") return { ok: false, status: 401, formError: "groups.signInFirst" };
  if (!isSiteAdmin(actor)) return { ok: false, status: 403, formError: "error.forbidden.text" };
  const member = await db
    .updateTable("members")
    .set({ suspended_until: null, suspension_reason: null })
    .where("id", "=", memberId)
    .returning(["id", "username"])
    .executeTakeFirst();
  if (!member) return { ok: false, status: 404, formError: "error.notFound.title" };
  await recordAudit(db, { groupId: null, actorId: actor.id, action: "member.unsuspend", targetMemberId: member.id, targetLabel: member.username });
  return { ok: true };
}
