import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { recordAudit } from "../audit.server";
import { fieldFailure, forbidden, missing, type CommandResult, type Failure } from "../result";
import { slugifyTitle } from "../threads/schema";
import { inTransaction } from "../transaction.server";

const MAX_GROUP_TAGS = 30;

/** The host of a circle the actor can see, or the refusal (missing, signed out, not a host). */
async function tagHost(asked: Guardian, groupId: string): Promise<{ memberId: string; failure?: undefined } | { failure: Failure }> {
  if (!(await asked.seesGroup(groupId))) return { failure: missing };
  const { member, failure } = asked.memberOrFailure();
  if (failure) return { failure };
  if (!(await asked.canModerate(groupId))) return { failure: forbidden() };
  return { memberId: member.id };
}

/** Hosts add a theme tag to their circle. */
export async function createGroupTag(handle: Database, guardian: Guardian, groupId: string, label: string): Promise<CommandResult> {
  const host = await tagHost(guardian.using(handle), groupId);
  if (host.failure) return host.failure;
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
    if (row) await recordAudit(trx, { groupId, actorId: host.memberId, action: "tag.create", targetLabel: label });
    return row !== undefined;
  });
  return created ? { ok: true } : fieldFailure("label", "validation.tag.taken", 409);
}

/** Hosts remove a theme tag from their circle (threads lose it). */
export async function deleteGroupTag(handle: Database, guardian: Guardian, groupId: string, tagId: number): Promise<CommandResult> {
  const host = await tagHost(guardian.using(handle), groupId);
  if (host.failure) return host.failure;
  await inTransaction(handle, async (trx) => {
    const removed = await trx.deleteFrom("group_tags").where("id", "=", tagId).where("group_id", "=", groupId).returning("label").executeTakeFirst();
    if (removed) await recordAudit(trx, { groupId, actorId: host.memberId, action: "tag.delete", targetLabel: removed.label });
  });
  return { ok: true };
}
