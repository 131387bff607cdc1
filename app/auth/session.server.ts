import { redirect } from "@remix-run/node";
import type { Database } from "../../db/index";
import { ANONYMOUS, isSuspended, type Actor } from "./policy";
import { luciaFor } from "./lucia.server";

export interface RequestAuth {
  actor: Actor;
  /** The cookie token of the current session (null when signed out). */
  sessionToken: string | null;
  /** A Set-Cookie value to send (extended or cleared session), if any. */
  setCookie: string | null;
}

export function readSessionToken(db: Database, cookieHeader: string | undefined, secure: boolean): string | null {
  return luciaFor(db, secure).readSessionCookie(cookieHeader ?? "");
}

/** Validates the session cookie once per request (membership and role changes apply at once). */
export async function authenticate(
  db: Database,
  cookieHeader: string | undefined,
  secure: boolean,
): Promise<RequestAuth> {
  const lucia = luciaFor(db, secure);
  const token = lucia.readSessionCookie(cookieHeader ?? "");
  if (!token) return { actor: ANONYMOUS, sessionToken: null, setCookie: null };
  const { session, user } = await lucia.validateSession(token);
  if (!session || !user) {
    return { actor: ANONYMOUS, sessionToken: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  if (isSuspended(user)) {
    await lucia.invalidateUserSessions(user.id);
    return { actor: ANONYMOUS, sessionToken: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  return {
    actor: {
      kind: "member",
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      siteRole: user.siteRole,
      emailVerified: user.emailVerified,
      locale: user.locale,
      timeZone: user.timeZone,
      unreadNotifications: user.unreadNotifications,
      avatarVersion: user.avatarVersion,
    },
    sessionToken: token,
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
  };
}

/** A brand-new session (new token at every sign-in: no fixation); returns its Set-Cookie. */
export async function startSession(
  db: Database,
  memberId: string,
  { secure, userAgent, ipAddress }: { secure: boolean; userAgent: string; ipAddress: string },
): Promise<string> {
  const lucia = luciaFor(db, secure);
  const session = await lucia.createSession(memberId, { user_agent: userAgent, ip_address: ipAddress });
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(db: Database, token: string | null, secure: boolean): Promise<string> {
  const lucia = luciaFor(db, secure);
  if (token) await lucia.invalidateSession(token);
  return lucia.createBlankSessionCookie().serialize();
}

/** For pages that need a signed-in member: otherwise to /login and back here afterwards. */
export function requireMember<A extends Actor>(actor: A, request: Request): Extract<A, { kind: "member" }> {
  if (actor.kind !== "member") {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return actor as Extract<A, { kind: "member" }>;
}
