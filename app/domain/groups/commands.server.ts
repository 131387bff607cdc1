import { randomBytes } from "node:crypto";
import { sql, type SqlBool } from "kysely";
import type { Database } from "../../../db/index";
import { hashToken } from "../../auth/lucia-adapter.server";
import type { Guardian } from "../../auth/guardian.server";
import { roleChange, type GroupRole } from "../../auth/policy";
import type { JobQueue } from "../../lib/jobs.server";
import { renderMarkdown } from "../../lib/markdown.server";
import type { LinkContext } from "../accounts/commands.server";
import { recordAudit } from "../audit.server";
import { conflict, fieldFailure, forbidden, missing, type CommandResult, type Failure } from "../result";
import { inTransaction } from "../transaction.server";
import { normaliseUsername } from "../accounts/schema";
import { invitationEmail, joinRequestDecidedEmail } from "./emails";
import { findListedOrVisibleGroupById } from "./queries.server";
import { notifyMember } from "../notifications/fanout.server";

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

function isUniqueViolation(error: unknown): error is { constraint?: string; message: string } {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Loads a group the actor can see, with the actor's standing and permissions; null when invisible. */
async function loadForActor(handle: Database, asked: Guardian, groupId: string) {
  const group = await handle.selectFrom("groups").selectAll().where("id", "=", groupId).where(asked.readable.groups()).executeTakeFirst();
  if (!group) return null;
  const standing = await asked.standing(group.id);
  const can = await asked.groupPermissions(group.id, { visibility: group.visibility, listed: group.listed, joinPolicy: group.join_policy });
  return { group, standing, can };
}

/** The group, the actor as a host with the given power, or the failure to return (404 invisible, 403 not a host). */
async function loadAsHost(handle: Database, asked: Guardian, groupId: string, power: "moderate" | "manage") {
  const loaded = await loadForActor(handle, asked, groupId);
  if (!loaded) return { ok: false as const, failure: missing };
  const host = asked.member;
  if (!loaded.can[power] || !host) return { ok: false as const, failure: forbidden() };
  return { ok: true as const, ...loaded, host };
}

// ——— creating and configuring ———

export interface GroupSettingsInput {
  name: string;
  description: string;
  about: string;
  colour: string;
  visibility: "public" | "private";
  listed: boolean;
  joinPolicy: "open" | "request" | "invite";
}

export async function createGroup(
  handle: Database,
  guardian: Guardian,
  input: GroupSettingsInput & { slug: string; owner: string },
): Promise<CommandResult<{ slug: string }>> {
  const { member: actor, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  if (!guardian.canCreateGroup) return forbidden();
  const owner = await handle
    .selectFrom("members")
    .select(["id", "username"])
    .where("username", "=", normaliseUsername(input.owner))
    .executeTakeFirst();
  if (!owner) return fieldFailure("owner", "validation.owner.unknown");
  try {
    await inTransaction(handle, async (trx) => {
      const group = await trx
        .insertInto("groups")
        .values({
          slug: input.slug,
          name: input.name,
          description: input.description,
          about_markdown: input.about,
          about_html: renderMarkdown(input.about),
          colour: input.colour,
          visibility: input.visibility,
          listed: input.listed,
          join_policy: input.joinPolicy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("group_members").values({ group_id: group.id, member_id: owner.id, role: "owner" }).execute();
      await recordAudit(trx, { groupId: group.id, actorId: actor.id, action: "group.create", targetLabel: input.name });
      await recordAudit(trx, { groupId: group.id, actorId: actor.id, action: "member.role", targetMemberId: owner.id, targetLabel: "owner" });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const onSlug = /slug/.test(error.constraint ?? error.message);
      return onSlug ? fieldFailure("slug", "validation.slug.taken", 409) : fieldFailure("name", "validation.groupName.taken", 409);
    }
    throw error;
  }
  return { ok: true, slug: input.slug };
}

export async function updateGroupSettings(
  handle: Database,
  guardian: Guardian,
  groupId: string,
  input: GroupSettingsInput,
): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  try {
    await inTransaction(handle, async (trx) => {
      await trx
        .updateTable("groups")
        .set({
          name: input.name,
          description: input.description,
          about_markdown: input.about,
          about_html: renderMarkdown(input.about),
          colour: input.colour,
          visibility: input.visibility,
          listed: input.listed,
          join_policy: input.joinPolicy,
        })
        .where("id", "=", groupId)
        .execute();
      const changed = (["name", "visibility", "join_policy"] as const)
        .filter((field) => {
          const before = loaded.group[field];
          const after = field === "join_policy" ? input.joinPolicy : input[field];
          return before !== after;
        })
        .map((field) => `${field}: ${field === "join_policy" ? input.joinPolicy : input[field]}`);
      await recordAudit(trx, {
        groupId,
        actorId: loaded.host.id,
        action: "group.settings",
        targetLabel: changed.join(", "),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fieldFailure("name", "validation.groupName.taken", 409);
    throw error;
  }
  return { ok: true };
}

// ——— joining and leaving ———

export async function joinGroup(handle: Database, guardian: Guardian, groupId: string): Promise<CommandResult> {
  const asked = guardian.using(handle);
  const { member, failure } = asked.memberOrFailure();
  if (failure) return failure;
  const loaded = await loadForActor(handle, asked, groupId);
  if (!loaded) return missing;
  const refusal = notYetMember(loaded.standing) ?? asked.contributorOrFailure().failure;
  if (refusal) return refusal;
  if (!loaded.can.join) return forbidden();
  await handle
    .insertInto("group_members")
    .values({ group_id: groupId, member_id: member.id, role: "member" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  asked.forget(groupId);
  return { ok: true };
}

/** Joining and asking to join: not for members, nor for those banned from the circle. */
function notYetMember(standing: { role: GroupRole | null; banned: boolean }): Failure | null {
  if (standing.role) return conflict({ formError: "groups.alreadyMember" });
  return standing.banned ? forbidden("groups.banned") : null;
}

export async function leaveGroup(handle: Database, guardian: Guardian, groupId: string): Promise<CommandResult> {
  const asked = guardian.using(handle);
  const { member, failure } = asked.memberOrFailure();
  if (failure) return failure;
  const loaded = await loadForActor(handle, asked, groupId);
  if (!loaded || !loaded.standing.role) return missing;
  if (!loaded.can.leave) return conflict({ formError: "groups.lastOwner" });
  await handle.deleteFrom("group_members").where("group_id", "=", groupId).where("member_id", "=", member.id).execute();
  asked.forget(groupId);
  return { ok: true };
}

/** Asking to join a listed (or public) group with a join-on-request policy. */
export async function requestToJoin(handle: Database, guardian: Guardian, groupId: string, message: string): Promise<CommandResult> {
  const asked = guardian.using(handle);
  const { member, failure } = asked.memberOrFailure();
  if (failure) return failure;
  const group = await findListedOrVisibleGroupById(handle, asked.actor, groupId);
  if (!group) return missing;
  const standing = await asked.standing(groupId);
  const refusal = notYetMember(standing) ?? asked.contributorOrFailure().failure;
  if (refusal) return refusal;
  if (group.join_policy !== "request") return forbidden();
  if (standing.pendingRequest) return conflict({ formError: "groups.requestPending" });
  try {
    await handle.insertInto("group_join_requests").values({ group_id: groupId, member_id: member.id, message }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) return conflict({ formError: "groups.requestPending" });
    throw error;
  }
  return { ok: true };
}

export async function withdrawJoinRequest(handle: Database, guardian: Guardian, groupId: string): Promise<CommandResult> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  const result = await handle
    .updateTable("group_join_requests")
    .set({ status: "withdrawn", decided_at: new Date() })
    .where("group_id", "=", groupId)
    .where("member_id", "=", member.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? { ok: true } : conflict({ formError: "groups.noPendingRequest" });
}

export async function decideJoinRequest(
  handle: Database,
  jobs: JobQueue,
  guardian: Guardian,
  groupId: string,
  requestId: string,
  approve: boolean,
  links: LinkContext,
): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  return inTransaction(handle, async (trx): Promise<CommandResult> => {
    const request = await trx
      .selectFrom("group_join_requests")
      .innerJoin("members", "members.id", "group_join_requests.member_id")
      .select([
        "group_join_requests.id",
        "group_join_requests.status",
        "group_join_requests.member_id",
        "members.email",
        "members.display_name",
        "members.locale",
      ])
      .where("group_join_requests.id", "=", requestId)
      .where("group_join_requests.group_id", "=", groupId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) return conflict({ formError: "groups.requestNotFound" }, 404);
    if (request.status === "withdrawn") return conflict({ formError: "groups.requestWithdrawn" });
    if (request.status !== "pending") return conflict({ formError: "groups.requestAlreadyDecided" });
    await trx
      .updateTable("group_join_requests")
      .set({ status: approve ? "approved" : "declined", decided_at: new Date(), decided_by: loaded.host.id })
      .where("id", "=", requestId)
      .execute();
    if (approve) {
      await trx
        .insertInto("group_members")
        .values({ group_id: groupId, member_id: request.member_id, role: "member" })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await recordAudit(trx, {
      groupId,
      actorId: loaded.host.id,
      action: approve ? "request.approve" : "request.decline",
      targetMemberId: request.member_id,
    });
    await notifyMember(trx, {
      memberId: request.member_id,
      kind: approve ? "request_approved" : "request_declined",
      actorId: loaded.host.id,
      groupId,
      detail: loaded.group.name,
    });
    await jobs.sendEmail(
      trx,
      joinRequestDecidedEmail(request.locale ?? links.locale, request.email, {
        name: request.display_name,
        groupName: loaded.group.name,
        approved: approve,
        link: `${links.origin}/g/${loaded.group.slug}`,
      }),
    );
    return { ok: true };
  });
}

// ——— invitations ———

export async function inviteByEmail(
  handle: Database,
  jobs: JobQueue,
  guardian: Guardian,
  groupId: string,
  email: string,
  links: LinkContext,
): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  const alreadyMember = await handle
    .selectFrom("group_members")
    .innerJoin("members", "members.id", "group_members.member_id")
    .select("members.id")
    .where("group_members.group_id", "=", groupId)
    .where((eb) => eb(eb.fn("lower", ["members.email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  if (alreadyMember) return fieldFailure("email", "groups.invite.alreadyMember", 409);
  const token = randomBytes(32).toString("base64url");
  try {
    await inTransaction(handle, async (trx) => {
      await trx
        .updateTable("group_invitations")
        .set({ revoked_at: new Date() })
        .where("group_id", "=", groupId)
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
        .where("accepted_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", "<=", new Date())
        .execute();
      await trx
        .insertInto("group_invitations")
        .values({
          group_id: groupId,
          email,
          token_hash: hashToken(token),
          invited_by: loaded.host.id,
          expires_at: new Date(Date.now() + INVITATION_LIFETIME_MS),
        })
        .execute();
      await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "invite.send", targetLabel: email });
      // A member with this address also hears it in the forum (the link itself is only in the email).
      const invitee = await trx.selectFrom("members").select("id").where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase())).executeTakeFirst();
      if (invitee) await notifyMember(trx, { memberId: invitee.id, kind: "invitation", actorId: loaded.host.id, groupId, detail: loaded.group.name });
      await jobs.sendEmail(
        trx,
        invitationEmail(links.locale, email, {
          inviter: loaded.host.displayName,
          groupName: loaded.group.name,
          link: `${links.origin}/invite/${token}`,
        }),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fieldFailure("email", "groups.invite.duplicate", 409);
    throw error;
  }
  return { ok: true };
}

export async function revokeInvitation(handle: Database, guardian: Guardian, groupId: string, invitationId: string): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  return inTransaction(handle, async (trx): Promise<CommandResult> => {
    const revoked = await trx
      .updateTable("group_invitations")
      .set({ revoked_at: new Date() })
      .where("id", "=", invitationId)
      .where("group_id", "=", groupId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .returning("email")
      .executeTakeFirst();
    if (!revoked) return conflict({ formError: "groups.invite.notFound" }, 404);
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "invite.revoke", targetLabel: revoked.email });
    return { ok: true };
  });
}

/** Whether the invitation went to this account's address: only that account may accept it (SQL, `group_invitations` in scope). */
const invitedAddressIs = (memberId: string) => sql<SqlBool>`exists (
  select 1 from members invitee
  where invitee.id = ${memberId} and lower(invitee.email) = lower(group_invitations.email))`;

/**
 * The invitation behind an emailed link, if it still works (for showing the
 * page), and whether it is for the signed-in account (null for visitors).
 * The invited address itself stays out: whoever holds the link need not learn it.
 */
export async function findOpenInvitation(db: Database, guardian: Guardian, token: string) {
  const memberId = guardian.memberId;
  const row = await db
    .selectFrom("group_invitations")
    .innerJoin("groups", "groups.id", "group_invitations.group_id")
    .select(["group_invitations.id", "groups.id as group_id", "groups.name", "groups.slug", "groups.description"])
    .select(memberId ? invitedAddressIs(memberId).as("for_this_account") : sql<null>`null`.as("for_this_account"))
    .where("group_invitations.token_hash", "=", hashToken(token))
    .where("group_invitations.accepted_at", "is", null)
    .where("group_invitations.revoked_at", "is", null)
    .where("group_invitations.expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row) return undefined;
  const { for_this_account: forThisAccount, ...invitation } = row;
  return { ...invitation, forThisAccount: forThisAccount === null ? null : Boolean(forThisAccount) };
}

/** An emailed invitation is accepted only by the account with the address it was sent to. */
export async function acceptInvitation(handle: Database, guardian: Guardian, token: string): Promise<CommandResult<{ slug: string }>> {
  const { member: actor, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  return inTransaction(handle, async (trx): Promise<CommandResult<{ slug: string }>> => {
    const invitation = await trx
      .selectFrom("group_invitations")
      .innerJoin("groups", "groups.id", "group_invitations.group_id")
      .select(["group_invitations.id", "groups.id as group_id", "groups.slug", invitedAddressIs(actor.id).as("for_this_account")])
      .where("group_invitations.token_hash", "=", hashToken(token))
      .where("group_invitations.accepted_at", "is", null)
      .where("group_invitations.revoked_at", "is", null)
      .where("group_invitations.expires_at", ">", new Date())
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) return conflict({ formError: "groups.invite.invalid" }, 404);
    if (!invitation.for_this_account) return forbidden("groups.invitation.otherAddress");
    const unconfirmed = guardian.contributorOrFailure().failure;
    if (unconfirmed) return unconfirmed;
    const banned = await trx
      .selectFrom("group_bans")
      .select("member_id")
      .where("group_id", "=", invitation.group_id)
      .where("member_id", "=", actor.id)
      .executeTakeFirst();
    if (banned) return forbidden("groups.banned");
    await trx.updateTable("group_invitations").set({ accepted_at: new Date() }).where("id", "=", invitation.id).execute();
    await trx
      .insertInto("group_members")
      .values({ group_id: invitation.group_id, member_id: actor.id, role: "member" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, { groupId: invitation.group_id, actorId: actor.id, action: "invite.accept", targetMemberId: actor.id });
    return { ok: true, slug: invitation.slug };
  });
}

/** A shareable link (one per group); making a new one retires the old. Returns the code. */
export async function createInviteLink(handle: Database, guardian: Guardian, groupId: string): Promise<CommandResult<{ code: string }>> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  const code = randomBytes(18).toString("base64url");
  await inTransaction(handle, async (trx) => {
    await trx.updateTable("groups").set({ invite_link_hash: hashToken(code) }).where("id", "=", groupId).execute();
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "invite-link.create" });
  });
  return { ok: true, code };
}

export async function revokeInviteLink(handle: Database, guardian: Guardian, groupId: string): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  await inTransaction(handle, async (trx) => {
    await trx.updateTable("groups").set({ invite_link_hash: null }).where("id", "=", groupId).execute();
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "invite-link.revoke" });
  });
  return { ok: true };
}

export async function findGroupByInviteCode(db: Database, code: string) {
  if (code.length > 100) return undefined;
  return db
    .selectFrom("groups")
    .select(["id", "slug", "name", "description"])
    .where("invite_link_hash", "=", hashToken(code))
    .executeTakeFirst();
}

export async function joinByInviteLink(handle: Database, guardian: Guardian, code: string): Promise<CommandResult<{ slug: string }>> {
  const asked = guardian.using(handle);
  const { member: actor, failure } = asked.contributorOrFailure();
  if (failure) return failure;
  const group = await findGroupByInviteCode(handle, code);
  if (!group) return conflict({ formError: "groups.invite.invalid" }, 404);
  const standing = await asked.standing(group.id);
  if (standing.banned) return forbidden("groups.banned");
  if (!standing.role) {
    await inTransaction(handle, async (trx) => {
      await trx
        .insertInto("group_members")
        .values({ group_id: group.id, member_id: actor.id, role: "member" })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await recordAudit(trx, { groupId: group.id, actorId: actor.id, action: "invite-link.join", targetMemberId: actor.id });
    });
  }
  return { ok: true, slug: group.slug };
}

// ——— hosts acting on members ———

async function loadTarget(db: Database, groupId: string, memberId: string) {
  return db
    .selectFrom("members")
    .leftJoin("group_members", (join) => join.onRef("group_members.member_id", "=", "members.id").on("group_members.group_id", "=", groupId))
    .select(["members.id", "members.username", "group_members.role"])
    .where("members.id", "=", memberId)
    .executeTakeFirst();
}

/** Removes a member; with `ban`, they also cannot rejoin, request or accept an invitation. */
export async function removeMember(
  handle: Database,
  guardian: Guardian,
  groupId: string,
  memberId: string,
  { ban, reason }: { ban: boolean; reason: string },
): Promise<CommandResult> {
  const asked = guardian.using(handle);
  const loaded = await loadAsHost(handle, asked, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  const target = await loadTarget(handle, groupId, memberId);
  // Someone outside this group (or unknown) is "not found" here, unless being banned pre-emptively.
  if (!target || (!target.role && !ban)) return conflict({ formError: "groups.memberNotFound" }, 404);
  if (target.id === loaded.host.id) return conflict({ formError: "groups.notYourself" });
  if (!(await asked.canSanction(groupId, target.role ?? null))) return forbidden();
  await inTransaction(handle, async (trx) => {
    await trx.deleteFrom("group_members").where("group_id", "=", groupId).where("member_id", "=", memberId).execute();
    if (ban) {
      await trx
        .insertInto("group_bans")
        .values({ group_id: groupId, member_id: memberId, reason, banned_by: loaded.host.id })
        .onConflict((oc) => oc.columns(["group_id", "member_id"]).doUpdateSet({ reason, banned_by: loaded.host.id }))
        .execute();
      await trx
        .updateTable("group_join_requests")
        .set({ status: "declined", decided_at: new Date(), decided_by: loaded.host.id })
        .where("group_id", "=", groupId)
        .where("member_id", "=", memberId)
        .where("status", "=", "pending")
        .execute();
    }
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: ban ? "member.ban" : "member.remove", targetMemberId: memberId, reason });
  });
  return { ok: true };
}

export async function liftBan(handle: Database, guardian: Guardian, groupId: string, memberId: string): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  return inTransaction(handle, async (trx): Promise<CommandResult> => {
    const lifted = await trx.deleteFrom("group_bans").where("group_id", "=", groupId).where("member_id", "=", memberId).executeTakeFirst();
    if (lifted.numDeletedRows === 0n) return conflict({ formError: "groups.memberNotFound" }, 404);
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "member.unban", targetMemberId: memberId });
    return { ok: true };
  });
}

/** Owners (and admins) promote and demote; the last owner cannot be demoted. */
export async function changeRole(
  handle: Database,
  guardian: Guardian,
  groupId: string,
  memberId: string,
  role: GroupRole,
): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  return inTransaction(handle, async (trx): Promise<CommandResult> => {
    const target = await trx
      .selectFrom("group_members")
      .select("role")
      .where("group_id", "=", groupId)
      .where("member_id", "=", memberId)
      .forUpdate()
      .executeTakeFirst();
    if (!target) return conflict({ formError: "groups.memberNotFound" }, 404);
    const change = roleChange(target.role, role);
    if (change === "unchanged") return { ok: true };
    if (change === "fromOwner") {
      const owners = await trx
        .selectFrom("group_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("group_id", "=", groupId)
        .where("role", "=", "owner")
        .executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) return conflict({ formError: "groups.lastOwner" });
    }
    await trx.updateTable("group_members").set({ role }).where("group_id", "=", groupId).where("member_id", "=", memberId).execute();
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "member.role", targetMemberId: memberId, targetLabel: role });
    return { ok: true };
  });
}

/** Hosts vouch for a member of their circle: no new-member limits there, and their reports weigh. */
export async function setTrusted(handle: Database, guardian: Guardian, groupId: string, memberId: string, trusted: boolean): Promise<CommandResult> {
  const loaded = await loadAsHost(handle, guardian.using(handle), groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  const updated = await inTransaction(handle, async (trx) => {
    const row = await trx
      .updateTable("group_members")
      .set({ trusted })
      .where("group_id", "=", groupId)
      .where("member_id", "=", memberId)
      .returning("member_id")
      .executeTakeFirst();
    if (row) await recordAudit(trx, { groupId, actorId: loaded.host.id, action: trusted ? "member.trust" : "member.untrust", targetMemberId: memberId });
    return row !== undefined;
  });
  return updated ? { ok: true } : conflict({ formError: "groups.memberNotFound" }, 404);
}
