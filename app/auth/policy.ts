/**
 * Every permission rule, as pure functions over loaded data. Shared by the
 * server (guards) and the UI (the `can` objects loaders hand to pages).
 */
export interface MemberActor {
  kind: "member";
  id: string;
  username: string;
  displayName: string;
  siteRole: "member" | "admin";
  emailVerified: boolean;
  locale: "nl" | "en" | null;
  timeZone: string;
}

export type Actor = { kind: "anonymous" } | MemberActor;

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function isMember(actor: Actor): actor is MemberActor {
  return actor.kind === "member";
}

export function isSiteAdmin(actor: Actor): boolean {
  return actor.kind === "member" && actor.siteRole === "admin";
}

/** Posting, RSVPs and other contributions need a verified email address. */
export function canContribute(actor: Actor): boolean {
  return actor.kind === "member" && actor.emailVerified;
}

export function canEditProfile(actor: Actor, profile: { id: string }): boolean {
  return actor.kind === "member" && actor.id === profile.id;
}

/** The dev mailbox: open on the embedded demo database, admins only otherwise. */
export function canReadDevMailbox(actor: Actor, { embeddedDatabase }: { embeddedDatabase: boolean }): boolean {
  return embeddedDatabase || isSiteAdmin(actor);
}

export function isSuspended(member: { suspendedUntil: Date | null }, now = new Date()): boolean {
  return member.suspendedUntil !== null && member.suspendedUntil > now;
}
