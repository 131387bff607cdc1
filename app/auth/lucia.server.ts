import { Lucia, TimeSpan } from "lucia";
import type { Database } from "../../db/index";
import { createKyselyAdapter } from "./lucia-adapter.server";

/** Inactivity timeout. Lucia extends a session only when less than half is left, so at most every 7 days. */
export const SESSION_INACTIVITY = new TimeSpan(14, "d");

function createLucia(db: Database, secure: boolean) {
  return new Lucia(createKyselyAdapter(db), {
    sessionExpiresIn: SESSION_INACTIVITY,
    sessionCookie: {
      // `__Host-` binds the cookie to this exact host, https and Path=/.
      name: secure ? "__Host-gwn_session" : "gwn_session",
      expires: true,
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => ({
      username: attributes.username,
      displayName: attributes.display_name,
      email: attributes.email,
      emailVerified: attributes.email_verified_at !== null,
      siteRole: attributes.site_role,
      locale: attributes.locale,
      timeZone: attributes.time_zone,
      suspendedUntil: attributes.suspended_until,
      unreadNotifications: attributes.unread_notifications,
      avatarVersion: attributes.avatar_version ?? null,
    }),
    getSessionAttributes: (attributes) => ({
      createdAt: attributes.created_at,
      lastSeenAt: attributes.last_seen_at,
      userAgent: attributes.user_agent,
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

const cache = new WeakMap<Database, { secure: AppLucia; plain: AppLucia }>();

/** One Lucia per database handle and cookie flavour (Secure over https, plain over http). */
export function luciaFor(db: Database, secure: boolean): AppLucia {
  let pair = cache.get(db);
  if (!pair) {
    pair = { secure: createLucia(db, true), plain: createLucia(db, false) };
    cache.set(db, pair);
  }
  return secure ? pair.secure : pair.plain;
}

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    UserId: string;
    DatabaseUserAttributes: {
      username: string;
      display_name: string;
      email: string;
      email_verified_at: Date | null;
      site_role: "member" | "admin";
      locale: "nl" | "en" | null;
      time_zone: string;
      suspended_until: Date | null;
      /** The photo's version (README, "Uploads"), or null for initials; absent on users Lucia reads otherwise. */
      avatar_version?: number | null;
      /** Counted with the session lookup; absent on users Lucia reads otherwise. */
      unread_notifications?: number;
    };
    DatabaseSessionAttributes: {
      created_at?: Date;
      last_seen_at?: Date;
      user_agent?: string;
      ip_address?: string;
      absolute_expires_at?: Date;
    };
  }
}
