import { unreadNotificationCount } from "../domain/notifications/queries.server";
import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Database } from "../../db/index";

/** Sessions are looked up by the SHA-256 of the cookie token; the token is never stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const ABSOLUTE_SESSION_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

function sessionAttributes(row: {
  created_at: Date;
  last_seen_at: Date;
  user_agent: string;
  ip_address: string;
  absolute_expires_at: Date;
}) {
  return {
    created_at: row.created_at,
    last_seen_at: row.last_seen_at,
    user_agent: row.user_agent,
    ip_address: row.ip_address,
    absolute_expires_at: row.absolute_expires_at,
  };
}

/**
 * Lucia v3 adapter over Kysely. Lucia hands us the cookie token as the
 * "session id"; we store and query only its hash, and enforce an absolute
 * lifetime on top of Lucia's sliding (inactivity) expiry.
 */
export function createKyselyAdapter(db: Database): Adapter {
  return {
    async getSessionAndUser(token): Promise<[DatabaseSession | null, DatabaseUser | null]> {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("members", "members.id", "sessions.member_id")
        .select([
          "sessions.member_id",
          "sessions.expires_at",
          "sessions.absolute_expires_at",
          "sessions.created_at",
          "sessions.last_seen_at",
          "sessions.user_agent",
          "sessions.ip_address",
          "members.username",
          "members.display_name",
          "members.email",
          "members.email_verified_at",
          "members.site_role",
          "members.locale",
          "members.time_zone",
          "members.suspended_until",
          "members.avatar_version",
          // The bell's number, in the same round trip: every signed-in page shows it.
          unreadNotificationCount("sessions.member_id").as("unread_notifications"),
        ])
        .where("sessions.id", "=", hashToken(token))
        .where("sessions.absolute_expires_at", ">", new Date())
        .executeTakeFirst();
      if (!row) return [null, null];
      return [
        {
          id: token,
          userId: row.member_id,
          expiresAt: row.expires_at,
          attributes: sessionAttributes(row),
        },
        {
          id: row.member_id,
          attributes: {
            username: row.username,
            display_name: row.display_name,
            email: row.email,
            email_verified_at: row.email_verified_at,
            site_role: row.site_role,
            locale: row.locale,
            time_zone: row.time_zone,
            suspended_until: row.suspended_until,
            avatar_version: row.avatar_version,
            unread_notifications: Number(row.unread_notifications ?? 0),
          },
        },
      ];
    },

    async getUserSessions(memberId) {
      const rows = await db
        .selectFrom("sessions")
        .selectAll()
        .where("member_id", "=", memberId)
        .where("absolute_expires_at", ">", new Date())
        .execute();
      return rows.map((row) => ({
        id: row.id,
        userId: row.member_id,
        expiresAt: row.expires_at,
        attributes: sessionAttributes(row),
      }));
    },

    async setSession(session) {
      const now = Date.now();
      await db
        .insertInto("sessions")
        .values({
          id: hashToken(session.id),
          member_id: session.userId,
          expires_at: session.expiresAt,
          absolute_expires_at: new Date(now + ABSOLUTE_SESSION_LIFETIME_MS),
          user_agent: (session.attributes.user_agent ?? "").slice(0, 500),
          ip_address: (session.attributes.ip_address ?? "").slice(0, 100),
        })
        .execute();
    },

    async updateSessionExpiration(token, expiresAt) {
      await db
        .updateTable("sessions")
        .set({ expires_at: expiresAt, last_seen_at: new Date() })
        .where("id", "=", hashToken(token))
        .execute();
    },

    async deleteSession(token) {
      await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
    },

    async deleteUserSessions(memberId) {
      await db.deleteFrom("sessions").where("member_id", "=", memberId).execute();
    },

    async deleteExpiredSessions() {
      const now = new Date();
      await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<=", now), eb("absolute_expires_at", "<=", now)]))
        .execute();
    },
  };
}
