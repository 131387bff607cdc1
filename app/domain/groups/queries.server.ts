import { sql, type ExpressionBuilder } from "kysely";
import type { Database, DB } from "../../../db/index";
import { loadStanding } from "../../auth/guardian.server";
import { readableGroups } from "../../auth/readable.server";
import { memberIdOf, type Actor } from "../../auth/policy";

const memberCount = (eb: ExpressionBuilder<DB, "groups">) =>
  eb
    .selectFrom("group_members")
    .select((e) => e.fn.countAll<number>().as("n"))
    .whereRef("group_members.group_id", "=", "groups.id")
    .as("member_count");

export interface DirectoryEntry {
  id: string;
  slug: string;
  name: string;
  description: string;
  colour: string;
  visibility: "public" | "private";
  joinPolicy: "open" | "request" | "invite";
  memberCount: number;
  lastActivityAt: string;
  myRole: "owner" | "moderator" | "member" | null;
  pendingRequest: boolean;
  banned: boolean;
  /** Listed but not readable by this viewer: name and description only. */
  readable: boolean;
}

/** The directory: groups the viewer can read, plus listed private ones by name; the viewer's own first. */
export async function listGroupDirectory(db: Database, actor: Actor): Promise<DirectoryEntry[]> {
  const actorId = memberIdOf(actor) ?? "00000000-0000-0000-0000-000000000000";
  const rows = await db
    .selectFrom("groups")
    .leftJoin("group_members as mine", (join) =>
      join.onRef("mine.group_id", "=", "groups.id").on("mine.member_id", "=", actorId),
    )
    .select((eb) => [
      "groups.id",
      "groups.slug",
      "groups.name",
      "groups.description",
      "groups.colour",
      "groups.visibility",
      "groups.join_policy",
      "groups.last_activity_at",
      "mine.role as my_role",
      memberCount(eb),
      eb
        .exists(
          eb
            .selectFrom("group_join_requests")
            .select(sql`1`.as("one"))
            .whereRef("group_join_requests.group_id", "=", "groups.id")
            .where("group_join_requests.member_id", "=", actorId)
            .where("group_join_requests.status", "=", "pending"),
        )
        .as("pending_request"),
      eb
        .exists(
          eb
            .selectFrom("group_bans")
            .select(sql`1`.as("one"))
            .whereRef("group_bans.group_id", "=", "groups.id")
            .where("group_bans.member_id", "=", actorId),
        )
        .as("banned"),
      readableGroups(actor).as("readable"),
    ])
    .where((eb) => eb.or([readableGroups(actor), eb("groups.listed", "=", true)]))
    .orderBy(sql`mine.role is null`)
    .orderBy("groups.last_activity_at", "desc")
    .orderBy("groups.name")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    colour: row.colour,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    memberCount: Number(row.member_count ?? 0),
    lastActivityAt: row.last_activity_at.toISOString(),
    myRole: row.my_role ?? null,
    pendingRequest: Boolean(row.pending_request),
    banned: Boolean(row.banned),
    readable: Boolean(row.readable),
  }));
}

/** A group as its page shows it, or null when it does not exist or the actor may not see it. */
export async function findVisibleGroup(db: Database, actor: Actor, slug: string) {
  const group = await db
    .selectFrom("groups")
    .selectAll("groups")
    .select((eb) => memberCount(eb))
    .where("groups.slug", "=", slug)
    .where(readableGroups(actor))
    .executeTakeFirst();
  if (!group) return null;
  return { group, standing: await loadStanding(db, group.id, actor) };
}

/** Listed groups can be asked to join by name even when the asker cannot read them. */
export async function findListedOrVisibleGroupById(db: Database, actor: Actor, groupId: string) {
  return db
    .selectFrom("groups")
    .selectAll()
    .where("id", "=", groupId)
    .where((eb) => eb.or([readableGroups(actor), eb("groups.listed", "=", true)]))
    .executeTakeFirst();
}

/** The members list's order: owners, moderators, then everyone by name. */
const HOSTS_FIRST = sql`case group_members.role when 'owner' then 0 when 'moderator' then 1 else 2 end`;

export async function listGroupMembers(db: Database, groupId: string) {
  return db
    .selectFrom("group_members")
    .innerJoin("members", "members.id", "group_members.member_id")
    .select(["members.id", "members.username", "members.display_name", "members.avatar_version", "group_members.role", "group_members.joined_at", "group_members.trusted"])
    .where("group_members.group_id", "=", groupId)
    .orderBy(HOSTS_FIRST)
    .orderBy("members.display_name")
    .execute();
}

/**
 * For a circle's page: its hosts and the first `preview` members in the
 * members list's order (hosts first, then by name), however large the circle.
 */
export async function listGroupFaces(db: Database, groupId: string, preview: number) {
  return db
    .selectFrom("group_members")
    .innerJoin("members", "members.id", "group_members.member_id")
    .select(["members.username", "members.display_name", "members.avatar_version", "group_members.role"])
    .where("group_members.group_id", "=", groupId)
    .where((eb) =>
      eb.or([
        eb("group_members.role", "!=", "member"),
        eb(
          "group_members.member_id",
          "in",
          eb
            .selectFrom("group_members")
            .innerJoin("members", "members.id", "group_members.member_id")
            .select("group_members.member_id")
            .where("group_members.group_id", "=", groupId)
            .orderBy(HOSTS_FIRST)
            .orderBy("members.display_name")
            .limit(preview),
        ),
      ]),
    )
    .orderBy(HOSTS_FIRST)
    .orderBy("members.display_name")
    .execute();
}

export async function listPendingJoinRequests(db: Database, groupId: string) {
  return db
    .selectFrom("group_join_requests")
    .innerJoin("members", "members.id", "group_join_requests.member_id")
    .select([
      "group_join_requests.id",
      "group_join_requests.message",
      "group_join_requests.created_at",
      "members.username",
      "members.display_name",
    ])
    .where("group_join_requests.group_id", "=", groupId)
    .where("group_join_requests.status", "=", "pending")
    .orderBy("group_join_requests.created_at")
    .execute();
}

export async function listOpenInvitations(db: Database, groupId: string) {
  return db
    .selectFrom("group_invitations")
    .select(["id", "email", "created_at", "expires_at"])
    .where("group_id", "=", groupId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date())
    .orderBy("created_at", "desc")
    .execute();
}

export async function listBans(db: Database, groupId: string) {
  return db
    .selectFrom("group_bans")
    .innerJoin("members", "members.id", "group_bans.member_id")
    .select(["members.id", "members.username", "members.display_name", "group_bans.reason", "group_bans.created_at"])
    .where("group_bans.group_id", "=", groupId)
    .orderBy("group_bans.created_at", "desc")
    .execute();
}

export async function listAuditLog(db: Database, groupId: string | null, limit = 100) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("members as actor", "actor.id", "audit_log.actor_id")
    .leftJoin("members as target", "target.id", "audit_log.target_member_id")
    .leftJoin("groups", "groups.id", "audit_log.group_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.reason",
      "audit_log.target_label",
      "audit_log.created_at",
      "actor.username as actor_username",
      "target.username as target_username",
      "groups.slug as group_slug",
      "groups.name as group_name",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(limit);
  if (groupId) query = query.where("audit_log.group_id", "=", groupId);
  return query.execute();
}

/** The circles a person can read, by name: the choices of a filter. */
export async function listVisibleGroupNames(db: Database, actor: Actor) {
  return db.selectFrom("groups").select(["id", "slug", "name"]).where(readableGroups(actor)).orderBy("name").execute();
}
