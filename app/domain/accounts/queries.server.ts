import { sql } from "kysely";
import UAParser from "ua-parser-js";
import type { Database } from "../../../db/index";
import { hashToken } from "../../auth/lucia-adapter.server";
import { hasSiteAdminRole, memberIdOf, type Actor } from "../../auth/policy";
import { readableEvents, readableThreads, readerColumn } from "../../auth/readable.server";
import { signedOut, type CommandResult } from "../result";
import { normaliseUsername } from "./schema";
import { exportDrafts } from "../drafts/drafts.server";

export interface PublicProfile {
  id: string;
  username: string;
  displayName: string;
  /** The photo's version, or null: initials. */
  avatarVersion: number | null;
  bioHtml: string;
  memberSince: string;
  isAdmin: boolean;
}

/** A member's public page. Anyone may read it; private activity is added later, filtered per viewer. */
export async function findPublicProfile(db: Database, username: string): Promise<PublicProfile | null> {
  const row = await db
    .selectFrom("members")
    .select(["id", "username", "display_name", "avatar_version", "bio_html", "created_at", "site_role"])
    .where("username", "=", normaliseUsername(username))
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    avatarVersion: row.avatar_version,
    bioHtml: row.bio_html,
    memberSince: row.created_at.toISOString(),
    isAdmin: hasSiteAdminRole(row),
  };
}

export async function findOwnSettings(db: Database, memberId: string) {
  return db
    .selectFrom("members")
    .select(["username", "display_name", "email", "email_verified_at", "bio_markdown", "locale", "time_zone", "avatar_version"])
    .where("id", "=", memberId)
    .executeTakeFirstOrThrow();
}

export async function findPendingEmailChange(db: Database, memberId: string): Promise<string | null> {
  const row = await db
    .selectFrom("account_tokens")
    .select("email")
    .where("member_id", "=", memberId)
    .where("purpose", "=", "change-email")
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row?.email ?? null;
}

export interface SessionView {
  id: string;
  browser: string;
  system: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** The member's active sessions, the current one first. */
export async function listMemberSessions(
  db: Database,
  memberId: string,
  currentToken: string | null,
): Promise<SessionView[]> {
  const currentId = currentToken ? hashToken(currentToken) : null;
  const now = new Date();
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "user_agent", "created_at", "last_seen_at"])
    .where("member_id", "=", memberId)
    .where("expires_at", ">", now)
    .where("absolute_expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows
    .map((row) => {
      const agent = new UAParser(row.user_agent).getResult();
      return {
        id: row.id,
        browser: [agent.browser.name, agent.browser.major].filter(Boolean).join(" "),
        system: [agent.os.name, agent.os.version].filter(Boolean).join(" "),
        createdAt: row.created_at.toISOString(),
        lastSeenAt: row.last_seen_at.toISOString(),
        current: row.id === currentId,
      };
    })
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Everything we hold about the member, as JSON (grows with each feature). */
export async function exportMemberData(db: Database, memberId: string) {
  const member = await db
    .selectFrom("members")
    .select([
      "id",
      "username",
      "display_name",
      "email",
      "email_verified_at",
      "site_role",
      "locale",
      "time_zone",
      "bio_markdown",
      "created_at",
    ])
    .where("id", "=", memberId)
    .executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "expires_at", "user_agent", "ip_address"])
    .where("member_id", "=", memberId)
    .execute();
  const circles = await db
    .selectFrom("group_members")
    .innerJoin("groups", "groups.id", "group_members.group_id")
    .select(["groups.slug", "groups.name", "group_members.role", "group_members.joined_at"])
    .where("group_members.member_id", "=", memberId)
    .execute();
  const requests = await db
    .selectFrom("group_join_requests")
    .innerJoin("groups", "groups.id", "group_join_requests.group_id")
    .select(["groups.name", "group_join_requests.message", "group_join_requests.status", "group_join_requests.created_at"])
    .where("group_join_requests.member_id", "=", memberId)
    .execute();
  // The member's own words whatever became of them (it is their data); the
  // title of someone else's thread or meetup only while they may read it.
  const author = readerColumn("posts.author_id");
  const posts = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select([
      "posts.id",
      "posts.number",
      "posts.body_markdown",
      "posts.created_at",
      "posts.edited_at",
      "posts.deleted_at",
      "posts.hidden_at",
      "threads.id as thread_id",
      sql<string | null>`case when threads.author_id = posts.author_id or ${readableThreads(author)} then threads.title end`.as("thread_title"),
    ])
    .where("posts.author_id", "=", memberId)
    .orderBy("posts.created_at")
    .execute();
  const rsvps = await db
    .selectFrom("event_rsvps")
    .innerJoin("events", "events.id", "event_rsvps.event_id")
    .leftJoin("groups", "groups.id", "events.group_id")
    .select([
      "events.id",
      sql<string | null>`case when events.created_by = event_rsvps.member_id or ${readableEvents(readerColumn("event_rsvps.member_id"))} then events.title end`.as("title"),
      "events.starts_at",
      "event_rsvps.status",
      "event_rsvps.note",
      "event_rsvps.updated_at",
    ])
    .where("event_rsvps.member_id", "=", memberId)
    .orderBy("events.starts_at")
    .execute();
  const reports = await db
    .selectFrom("reports")
    .leftJoin("posts", "posts.id", "reports.post_id")
    .select(["reports.target_type", "reports.post_id", "posts.thread_id", "posts.number", "reports.event_id", "reports.reason", "reports.text", "reports.status", "reports.created_at", "reports.decided_at"])
    .where("reports.reporter_id", "=", memberId)
    .orderBy("reports.created_at")
    .execute();
  const drafts = await exportDrafts(db, memberId);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: member.id,
      username: member.username,
      displayName: member.display_name,
      email: member.email,
      emailVerifiedAt: member.email_verified_at?.toISOString() ?? null,
      siteRole: member.site_role,
      language: member.locale,
      timeZone: member.time_zone,
      bio: member.bio_markdown,
      memberSince: member.created_at.toISOString(),
    },
    sessions: sessions.map((s) => ({
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      userAgent: s.user_agent,
      ipAddress: s.ip_address,
    })),
    circles: circles.map((c) => ({ slug: c.slug, name: c.name, role: c.role, joinedAt: c.joined_at.toISOString() })),
    drafts,
    joinRequests: requests.map((r) => ({ circle: r.name, message: r.message, status: r.status, createdAt: r.created_at.toISOString() })),
    posts: posts.map((p) => ({
      id: p.id,
      thread: { id: p.thread_id, title: p.thread_title },
      number: p.number,
      text: p.body_markdown,
      createdAt: p.created_at.toISOString(),
      editedAt: p.edited_at?.toISOString() ?? null,
      deleted: p.deleted_at !== null,
      hidden: p.hidden_at !== null,
    })),
    rsvps: rsvps.map((r) => ({
      event: { id: r.id, title: r.title, startsAt: r.starts_at.toISOString() },
      status: r.status,
      note: r.note,
      updatedAt: r.updated_at.toISOString(),
    })),
    reports: reports.map((r) => ({
      target: r.target_type === "post" ? { post: r.post_id, thread: r.thread_id, number: r.number } : { event: r.event_id },
      reason: r.reason,
      text: r.text,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    })),
  };
}

const MENTION_SUGGESTIONS = 8;

/**
 * Suggestions for the @mention autocomplete of the post editor: members whose
 * username or name starts with what was typed (usernames first), for signed-in
 * members only. Given the thread being replied to, only members who may read
 * it (`readableThreads` keyed by each member; the actor must be able to read
 * it too), since nobody else would hear of the mention.
 */
export async function suggestMentions(
  db: Database,
  actor: Actor,
  typed: string,
  { threadId }: { threadId?: number } = {},
): Promise<CommandResult<{ members: Array<{ username: string; name: string }> }>> {
  if (memberIdOf(actor) === null) return signedOut;
  const query = typed.trim().toLowerCase().slice(0, 30);
  if (!/^[\p{L}\p{N}_.-]{1,30}$/u.test(query)) return { ok: true, members: [] };
  // LIKE wildcards in what was typed are matched literally.
  const prefix = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let members = db
    .selectFrom("members")
    .select(["members.username", "members.display_name"])
    .where((eb) => eb.or([eb("members.username", "like", prefix), eb(sql`lower(members.display_name)`, "like", prefix)]))
    .orderBy(sql`members.username like ${prefix}`, "desc")
    .orderBy("members.username")
    .limit(MENTION_SUGGESTIONS);
  if (threadId !== undefined) {
    const readableBy = (reader: Parameters<typeof readableThreads>[0]) =>
      sql<boolean>`exists (select 1 from threads join groups on groups.id = threads.group_id where threads.id = ${threadId} and ${readableThreads(reader)})`;
    members = members.where(readableBy(actor)).where(readableBy(readerColumn("members.id")));
  }
  const rows = await members.execute();
  return { ok: true, members: rows.map((m) => ({ username: m.username, name: m.display_name })) };
}

export async function listDevMailbox(db: Database, limit = 50) {
  return db
    .selectFrom("dev_mailbox")
    .select(["id", "to_address", "subject", "body_text", "created_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
