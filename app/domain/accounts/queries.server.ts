import UAParser from "ua-parser-js";
import type { Database } from "../../../db/index";
import { hashToken } from "../../auth/lucia-adapter.server";
import { normaliseUsername } from "./schema";

export interface PublicProfile {
  id: string;
  username: string;
  displayName: string;
  bioHtml: string;
  memberSince: string;
  isAdmin: boolean;
}

/** A member's public page. Anyone may read it; private activity is added later, filtered per viewer. */
export async function findPublicProfile(db: Database, username: string): Promise<PublicProfile | null> {
  const row = await db
    .selectFrom("members")
    .select(["id", "username", "display_name", "bio_html", "created_at", "site_role"])
    .where("username", "=", normaliseUsername(username))
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    bioHtml: row.bio_html,
    memberSince: row.created_at.toISOString(),
    isAdmin: row.site_role === "admin",
  };
}

export async function findOwnSettings(db: Database, memberId: string) {
  return db
    .selectFrom("members")
    .select(["username", "display_name", "email", "email_verified_at", "bio_markdown", "locale", "time_zone"])
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
    joinRequests: requests.map((r) => ({ circle: r.name, message: r.message, status: r.status, createdAt: r.created_at.toISOString() })),
  };
}

export async function listDevMailbox(db: Database, limit = 50) {
  return db
    .selectFrom("dev_mailbox")
    .select(["id", "to_address", "subject", "body_text", "created_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
