import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { recordAudit } from "../audit.server";
import { fieldFailure, type CommandResult } from "../result";
import { slugifyTitle } from "../threads/schema";
import { inTransaction } from "../transaction.server";

const MAX_GROUP_TAGS = 30;

/** The host of a circle the actor can see, or the refusal (missing, signed out, not a host). */
async function tagHost(asked: Guardian, groupId: string) {
  const visible = (await asked.seesGroup(groupId)) ? { groupId } : null;
  return asked.permit(visible, () => asked.canModerate(groupId));
}

/** Hosts add a theme tag to their circle. */
export async function createGroupTag(handle: Database, guardian: Guardian, groupId: string, label: string): Promise<CommandResult> {
  const { member: host, failure } = await tagHost(guardian.using(handle), groupId);
  if (failure) return failure;
  const slug = slugifyTitle(label);
  const principle = await handle.selectFrom("principles").select("slug").where("slug", "=", slug).executeTakeFirst();
  if (principle) return fieldFailure("label", "validation.tag.isPrinciple", 409);
  const count = await handle.selectFrom("group_tags").select((eb) => eb.fn.countAll<number>().as("n")).where("group_id", "=", groupId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_GROUP_TAGS) return fieldFailure("label", "validation.tag.tooMany", 409);
  const created = await inTransaction(handle, async (trx) => {
    const row = await trx
      .insertInto("group_tags")
      .values({ group_id: groupId, slug, label })
      .onConflict((oc) => oc.columns(["group_id", "slug"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) await recordAudit(trx, { groupId, actorId: host.id, action: "tag.create", targetLabel: label });
    return row !== undefined;
  });
  return created ? { ok: true } : fieldFailure("label", "validation.tag.taken", 409);
}

/** Hosts remove a theme tag from their circle (threads lose it). */
export async function deleteGroupTag(handle: Database, guardian: Guardian, groupId: string, tagId: number): Promise<CommandResult> {
  const { member: host, failure } = await tagHost(guardian.using(handle), groupId);
  if (failure) return failure;
  await inTransaction(handle, async (trx) => {
    const removed = await trx.deleteFrom("group_tags").where("id", "=", tagId).where("group_id", "=", groupId).returning("label").executeTakeFirst();
    if (removed) await recordAudit(trx, { groupId, actorId: host.id, action: "tag.delete", targetLabel: removed.label });
  });
  return { ok: true };
}
