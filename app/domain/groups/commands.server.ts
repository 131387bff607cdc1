import { randomBytes } from "node:crypto";
import { sql, type SqlBool } from "kysely";
import type { Database } from "../../../db/index";
import { hashToken } from "../../auth/lucia-adapter.server";
import { canContribute, canCreateGroup, canSanction, groupPermissions, isMember, type Actor, type GroupRole } from "../../auth/policy";
import type { JobQueue } from "../../lib/jobs.server";
import { renderMarkdown } from "../../lib/markdown.server";
import type { CommandResult, LinkContext } from "../accounts/commands.server";
import { normaliseUsername } from "../accounts/schema";
import { invitationEmail, joinRequestDecidedEmail } from "./emails";
import { findListedOrVisibleGroupById } from "./queries.server";
import { loadStanding } from "../../auth/guardian.server";
import { readableGroups } from "../../auth/readable.server";
import { notifyMember } from "../notifications/fanout.server";

type Tx = Database;

const notFound = { ok: false, status: 404, formError: "error.notFound.title" } as const;
const forbidden = { ok: false, status: 403, formError: "error.forbidden.text" } as const;
const mustSignIn = { ok: false, status: 401, formError: "groups.signInFirst" } as const;
const mustVerify = { ok: false, status: 403, formError: "groups.verifyFirst" } as const;

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface AuditEntry {
  groupId: string | null;
  actorId: string | null;
  action: string;
  targetMemberId?: string | null;
  targetLabel?: string;
  reason?: string;
}

/** Every host and admin action lands here, in the same transaction as the action. */
export async function recordAudit(db: Tx, entry: AuditEntry): Promise<void> {
  await db
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

function isUniqueViolation(error: unknown): error is { constraint?: string; message: string } {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Loads a group the actor can see, with the actor's standing and permissions; null when invisible. */
async function loadForActor(db: Database, actor: Actor, groupId: string) {
  const group = await db.selectFrom("groups").selectAll().where("id", "=", groupId).where(readableGroups(actor)).executeTakeFirst();
  if (!group) return null;
  const standing = await loadStanding(db, group.id, actor);
  const can = groupPermissions(actor, { visibility: group.visibility, listed: group.listed, joinPolicy: group.join_policy }, standing);
  return { group, standing, can };
}

/** The group, the actor as a host with the given power, or the failure to return (404 invisible, 403 not a host). */
async function loadAsHost(db: Database, actor: Actor, groupId: string, power: "moderate" | "manage") {
  const loaded = await loadForActor(db, actor, groupId);
  if (!loaded) return { ok: false as const, failure: notFound };
  if (!loaded.can[power] || !isMember(actor)) return { ok: false as const, failure: forbidden };
  return { ok: true as const, ...loaded, host: actor };
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
  db: Database,
  actor: Actor,
  input: GroupSettingsInput & { slug: string; owner: string },
): Promise<CommandResult<{ slug: string }>> {
  if (!isMember(actor)) return mustSignIn;
  if (!canCreateGroup(actor)) return forbidden;
  const owner = await db
    .selectFrom("members")
    .select(["id", "username"])
    .where("username", "=", normaliseUsername(input.owner))
    .executeTakeFirst();
  if (!owner) return { ok: false, status: 400, fieldErrors: { owner: "validation.owner.unknown" } };
  try {
    await db.transaction().execute(async (trx) => {
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
      return { ok: false, status: 409, fieldErrors: onSlug ? { slug: "validation.slug.taken" } : { name: "validation.groupName.taken" } };
    }
    throw error;
  }
  return { ok: true, slug: input.slug };
}

export async function updateGroupSettings(
  db: Database,
  actor: Actor,
  groupId: string,
  input: GroupSettingsInput,
): Promise<CommandResult> {
  const loaded = await loadForActor(db, actor, groupId);
  if (!loaded) return notFound;
  if (!loaded.can.manage) return forbidden;
  try {
    await db.transaction().execute(async (trx) => {
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
        actorId: (actor as { id: string }).id,
        action: "group.settings",
        targetLabel: changed.join(", "),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, fieldErrors: { name: "validation.groupName.taken" } };
    throw error;
  }
  return { ok: true };
}

// ——— joining and leaving ———

export async function joinGroup(db: Database, actor: Actor, groupId: string): Promise<CommandResult> {
  if (!isMember(actor)) return mustSignIn;
  const loaded = await loadForActor(db, actor, groupId);
  if (!loaded) return notFound;
  if (loaded.standing.role) return { ok: false, status: 409, formError: "groups.alreadyMember" };
  if (loaded.standing.banned) return { ok: false, status: 403, formError: "groups.banned" };
  if (!canContribute(actor)) return mustVerify;
  if (!loaded.can.join) return forbidden;
  await db
    .insertInto("group_members")
    .values({ group_id: groupId, member_id: actor.id, role: "member" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { ok: true };
}

export async function leaveGroup(db: Database, actor: Actor, groupId: string): Promise<CommandResult> {
  if (!isMember(actor)) return mustSignIn;
  const loaded = await loadForActor(db, actor, groupId);
  if (!loaded || !loaded.standing.role) return notFound;
  if (!loaded.can.leave) return { ok: false, status: 409, formError: "groups.lastOwner" };
  await db.deleteFrom("group_members").where("group_id", "=", groupId).where("member_id", "=", actor.id).execute();
  return { ok: true };
}

/** Asking to join a listed (or public) group with a join-on-request policy. */
export async function requestToJoin(db: Database, actor: Actor, groupId: string, message: string): Promise<CommandResult> {
  if (!isMember(actor)) return mustSignIn;
  const group = await findListedOrVisibleGroupById(db, actor, groupId);
  if (!group) return notFound;
  const standing = await loadStanding(db, groupId, actor);
  if (standing.role) return { ok: false, status: 409, formError: "groups.alreadyMember" };
  if (standing.banned) return { ok: false, status: 403, formError: "groups.banned" };
  if (!canContribute(actor)) return mustVerify;
  if (group.join_policy !== "request") return forbidden;
  if (standing.pendingRequest) return { ok: false, status: 409, formError: "groups.requestPending" };
  try {
    await db.insertInto("group_join_requests").values({ group_id: groupId, member_id: actor.id, message }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, formError: "groups.requestPending" };
    throw error;
  }
  return { ok: true };
}

export async function withdrawJoinRequest(db: Database, actor: Actor, groupId: string): Promise<CommandResult> {
  if (!isMember(actor)) return mustSignIn;
  const result = await db
    .updateTable("group_join_requests")
    .set({ status: "withdrawn", decided_at: new Date() })
    .where("group_id", "=", groupId)
    .where("member_id", "=", actor.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? { ok: true } : { ok: false, status: 409, formError: "groups.noPendingRequest" };
}

export async function decideJoinRequest(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  groupId: string,
  requestId: string,
  approve: boolean,
  links: LinkContext,
): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  return db.transaction().execute(async (trx) => {
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
    if (!request) return { ok: false, status: 404, formError: "groups.requestNotFound" } as const;
    if (request.status === "withdrawn") return { ok: false, status: 409, formError: "groups.requestWithdrawn" } as const;
    if (request.status !== "pending") return { ok: false, status: 409, formError: "groups.requestAlreadyDecided" } as const;
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
    return { ok: true } as const;
  });
}

// ——— invitations ———

export async function inviteByEmail(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  groupId: string,
  email: string,
  links: LinkContext,
): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  const alreadyMember = await db
    .selectFrom("group_members")
    .innerJoin("members", "members.id", "group_members.member_id")
    .select("members.id")
    .where("group_members.group_id", "=", groupId)
    .where((eb) => eb(eb.fn("lower", ["members.email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  if (alreadyMember) return { ok: false, status: 409, fieldErrors: { email: "groups.invite.alreadyMember" } };
  const token = randomBytes(32).toString("base64url");
  try {
    await db.transaction().execute(async (trx) => {
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
    if (isUniqueViolation(error)) return { ok: false, status: 409, fieldErrors: { email: "groups.invite.duplicate" } };
    throw error;
  }
  return { ok: true };
}

export async function revokeInvitation(db: Database, actor: Actor, groupId: string, invitationId: string): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("group_invitations")
      .set({ revoked_at: new Date() })
      .where("id", "=", invitationId)
      .where("group_id", "=", groupId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .returning("email")
      .executeTakeFirst();
    if (!revoked) return { ok: false, status: 404, formError: "groups.invite.notFound" } as const;
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "invite.revoke", targetLabel: revoked.email });
    return { ok: true } as const;
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
export async function findOpenInvitation(db: Database, actor: Actor, token: string) {
  const row = await db
    .selectFrom("group_invitations")
    .innerJoin("groups", "groups.id", "group_invitations.group_id")
    .select(["group_invitations.id", "groups.id as group_id", "groups.name", "groups.slug", "groups.description"])
    .select(isMember(actor) ? invitedAddressIs(actor.id).as("for_this_account") : sql<null>`null`.as("for_this_account"))
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
export async function acceptInvitation(db: Database, actor: Actor, token: string): Promise<CommandResult<{ slug: string }>> {
  if (!isMember(actor)) return mustSignIn;
  return db.transaction().execute(async (trx) => {
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
    if (!invitation) return { ok: false, status: 404, formError: "groups.invite.invalid" } as const;
    if (!invitation.for_this_account) return { ok: false, status: 403, formError: "groups.invitation.otherAddress" } as const;
    if (!canContribute(actor)) return mustVerify;
    const banned = await trx
      .selectFrom("group_bans")
      .select("member_id")
      .where("group_id", "=", invitation.group_id)
      .where("member_id", "=", actor.id)
      .executeTakeFirst();
    if (banned) return { ok: false, status: 403, formError: "groups.banned" } as const;
    await trx.updateTable("group_invitations").set({ accepted_at: new Date() }).where("id", "=", invitation.id).execute();
    await trx
      .insertInto("group_members")
      .values({ group_id: invitation.group_id, member_id: actor.id, role: "member" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, { groupId: invitation.group_id, actorId: actor.id, action: "invite.accept", targetMemberId: actor.id });
    return { ok: true, slug: invitation.slug } as const;
  });
}

/** A shareable link (one per group); making a new one retires the old. Returns the code. */
export async function createInviteLink(db: Database, actor: Actor, groupId: string): Promise<CommandResult<{ code: string }>> {
  const loaded = await loadAsHost(db, actor, groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  const code = randomBytes(18).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("groups").set({ invite_link_hash: hashToken(code) }).where("id", "=", groupId).execute();
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "invite-link.create" });
  });
  return { ok: true, code };
}

export async function revokeInviteLink(db: Database, actor: Actor, groupId: string): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  await db.transaction().execute(async (trx) => {
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

export async function joinByInviteLink(db: Database, actor: Actor, code: string): Promise<CommandResult<{ slug: string }>> {
  if (!isMember(actor)) return mustSignIn;
  if (!canContribute(actor)) return mustVerify;
  const group = await findGroupByInviteCode(db, code);
  if (!group) return { ok: false, status: 404, formError: "groups.invite.invalid" };
  const standing = await loadStanding(db, group.id, actor);
  if (standing.banned) return { ok: false, status: 403, formError: "groups.banned" };
  if (!standing.role) {
    await db.transaction().execute(async (trx) => {
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
  db: Database,
  actor: Actor,
  groupId: string,
  memberId: string,
  { ban, reason }: { ban: boolean; reason: string },
): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  const target = await loadTarget(db, groupId, memberId);
  // Someone outside this group (or unknown) is "not found" here, unless being banned pre-emptively.
  if (!target || (!target.role && !ban)) return { ok: false, status: 404, formError: "groups.memberNotFound" };
  if (target.id === loaded.host.id) return { ok: false, status: 409, formError: "groups.notYourself" };
  if (!canSanction(loaded.standing, actor, target.role ?? null)) return forbidden;
  await db.transaction().execute(async (trx) => {
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

export async function liftBan(db: Database, actor: Actor, groupId: string, memberId: string): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  return db.transaction().execute(async (trx) => {
    const lifted = await trx.deleteFrom("group_bans").where("group_id", "=", groupId).where("member_id", "=", memberId).executeTakeFirst();
    if (lifted.numDeletedRows === 0n) return { ok: false, status: 404, formError: "groups.memberNotFound" } as const;
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "member.unban", targetMemberId: memberId });
    return { ok: true } as const;
  });
}

/** Owners (and admins) promote and demote; the last owner cannot be demoted. */
export async function changeRole(
  db: Database,
  actor: Actor,
  groupId: string,
  memberId: string,
  role: GroupRole,
): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "manage");
  if (!loaded.ok) return loaded.failure;
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom("group_members")
      .select("role")
      .where("group_id", "=", groupId)
      .where("member_id", "=", memberId)
      .forUpdate()
      .executeTakeFirst();
    if (!target) return { ok: false, status: 404, formError: "groups.memberNotFound" } as const;
    if (target.role === role) return { ok: true } as const;
    if (target.role === "owner") {
      const owners = await trx
        .selectFrom("group_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("group_id", "=", groupId)
        .where("role", "=", "owner")
        .executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) return { ok: false, status: 409, formError: "groups.lastOwner" } as const;
    }
    await trx.updateTable("group_members").set({ role }).where("group_id", "=", groupId).where("member_id", "=", memberId).execute();
    await recordAudit(trx, { groupId, actorId: loaded.host.id, action: "member.role", targetMemberId: memberId, targetLabel: role });
    return { ok: true } as const;
  });
}

/** Hosts vouch for a member of their circle: no new-member limits there, and their reports weigh. */
export async function setTrusted(db: Database, actor: Actor, groupId: string, memberId: string, trusted: boolean): Promise<CommandResult> {
  const loaded = await loadAsHost(db, actor, groupId, "moderate");
  if (!loaded.ok) return loaded.failure;
  const updated = await db.transaction().execute(async (trx) => {
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
  return updated ? { ok: true } : { ok: false, status: 404, formError: "groups.memberNotFound" };
}
