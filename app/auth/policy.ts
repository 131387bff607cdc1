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
  /** Unread notifications, counted with the session lookup (absent where an actor is made otherwise). */
  unreadNotifications?: number;
  /** The member's photo version, from the session lookup (null: initials). */
  avatarVersion?: number | null;
}

export type Actor = { kind: "anonymous" } | MemberActor;

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function isMember(actor: Actor): actor is MemberActor {
  return actor.kind === "member";
}

/** The signed-in member's id, or null for a visitor. */
export function memberIdOf(actor: Actor): string | null {
  return actor.kind === "member" ? actor.id : null;
}

/** The language a signed-in member chose in their profile, if any. */
export function profileLocale(actor: Actor): MemberActor["locale"] {
  return actor.kind === "member" ? actor.locale : null;
}

/** Whether a member row (not the actor) is a site admin: for badges and feeds that act for that member. */
export function hasSiteAdminRole(member: { site_role: string }): boolean {
  return member.site_role === "admin";
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

/**
 * The dev mailbox holds every reset and verification link: site admins, and
 * requests made on this machine itself (a developer's browser), nobody else,
 * whichever database runs.
 */
export function canReadDevMailbox(actor: Actor, { directLocalRequest }: { directLocalRequest: boolean }): boolean {
  return isSiteAdmin(actor) || directLocalRequest;
}

export function isSuspended(member: { suspendedUntil: Date | null }, now = new Date()): boolean {
  return member.suspendedUntil !== null && member.suspendedUntil > now;
}

// ——— groups (circles) ———

export type GroupRole = "owner" | "moderator" | "member";

export interface GroupForPolicy {
  visibility: "public" | "private";
  listed: boolean;
  joinPolicy: "open" | "request" | "invite";
}

/** The actor's standing in one group, loaded with the group. */
export interface GroupStanding {
  role: GroupRole | null;
  /** Marked trusted by a host of the circle. */
  trusted: boolean;
  banned: boolean;
  pendingRequest: boolean;
  /** Owners in the group (the last owner cannot leave or be demoted). */
  ownerCount: number;
}

export const NO_STANDING: GroupStanding = { role: null, trusted: false, banned: false, pendingRequest: false, ownerCount: 0 };

export function isGroupHost(standing: GroupStanding): boolean {
  return standing.role === "owner" || standing.role === "moderator";
}

/** Hosts and members a host marked trusted: no new-member limits, and their reports hide a post sooner. */
export function isHostOrTrusted(standing: GroupStanding): boolean {
  return isGroupHost(standing) || (standing.role !== null && standing.trusted);
}

/** Private groups are invisible (404) to everyone but their members and site admins. */
export function canViewGroup(actor: Actor, group: GroupForPolicy, standing: GroupStanding): boolean {
  return group.visibility === "public" || standing.role !== null || isSiteAdmin(actor);
}

/** The `can` object a group page receives; components never re-derive these. */
export function groupPermissions(actor: Actor, group: GroupForPolicy, standing: GroupStanding) {
  const member = actor.kind === "member";
  const outsider = member && standing.role === null && !standing.banned;
  const admin = isSiteAdmin(actor);
  const host = isGroupHost(standing) || admin;
  const lastOwner = standing.role === "owner" && standing.ownerCount <= 1;
  return {
    view: canViewGroup(actor, group, standing),
    viewMembers: group.visibility === "public" || standing.role !== null || admin,
    join: outsider && group.joinPolicy === "open",
    requestToJoin: outsider && group.joinPolicy === "request" && !standing.pendingRequest,
    withdrawRequest: member && standing.pendingRequest,
    leave: member && standing.role !== null && !lastOwner,
    /** Approve requests, invite, remove and ban ordinary members, read the audit log. */
    moderate: host,
    /** Roles, settings, visibility and join policy. */
    manage: standing.role === "owner" || admin,
  };
}

export type GroupPermissions = ReturnType<typeof groupPermissions>;

/** Whether `actor` may remove or ban someone with `targetRole`: moderators only ordinary members. */
export function canSanction(standing: GroupStanding, actor: Actor, targetRole: GroupRole | null): boolean {
  if (isSiteAdmin(actor) || standing.role === "owner") return targetRole !== "owner" || isSiteAdmin(actor);
  return standing.role === "moderator" && (targetRole === "member" || targetRole === null);
}

export function canCreateGroup(actor: Actor): boolean {
  return isSiteAdmin(actor);
}

// ——— threads and posts ———

/** Members of a circle (with a confirmed address) start threads there. */
export function canStartThread(actor: Actor, standing: GroupStanding): boolean {
  return canContribute(actor) && standing.role !== null;
}

/** Replies: members, unless the thread is locked; hosts and admins even then. */
export function canReply(actor: Actor, standing: GroupStanding, thread: { locked: boolean }): boolean {
  if (!canContribute(actor)) return false;
  if (isSiteAdmin(actor) || isGroupHost(standing)) return true;
  return standing.role !== null && !thread.locked;
}

/** Authors edit and delete their own posts; hosts may delete (hide) any post in their circle. */
export function canEditPost(actor: Actor, post: { authorId: string | null; deleted: boolean }): boolean {
  return actor.kind === "member" && post.authorId === actor.id && !post.deleted;
}

export function canDeletePost(actor: Actor, standing: GroupStanding, post: { authorId: string | null; deleted: boolean }): boolean {
  if (post.deleted || actor.kind !== "member") return false;
  return post.authorId === actor.id || isGroupHost(standing) || isSiteAdmin(actor);
}

/** Pin, unpin, lock and unlock threads. */
export function canModerateThread(actor: Actor, standing: GroupStanding): boolean {
  return isGroupHost(standing) || isSiteAdmin(actor);
}

/** Reactions are for members of the circle with a confirmed address, on posts of others (never one's own). */
export function canReact(actor: Actor, standing: GroupStanding, post?: { authorId: string | null }): boolean {
  if (post && actor.kind === "member" && post.authorId === actor.id) return false;
  return canContribute(actor) && standing.role !== null;
}

/**
 * A thread's title and tags: its author, with the opening post's edit, and
 * the circle's hosts and site admins (also on threads of others); not on a
 * deleted thread.
 */
export function canEditThreadTitle(actor: Actor, standing: GroupStanding, thread: { authorId: string | null; deleted: boolean }): boolean {
  if (actor.kind !== "member" || thread.deleted) return false;
  // Titles show in every list: an author banned from the circle or suspended no longer changes them.
  return (thread.authorId === actor.id && canContribute(actor) && !standing.banned) || canModerateThread(actor, standing);
}

/** Events: hosts for their circle's events, site admins for all and for the whole network (no circle). */
export function canManageEvents(actor: Actor, standing: GroupStanding | null): boolean {
  if (isSiteAdmin(actor)) return true;
  return standing !== null && canContribute(actor) && isGroupHost(standing);
}

/** Anyone signed in with a confirmed address who can see the event may answer, unless banned from its circle. */
export function canRsvp(actor: Actor, standing: GroupStanding | null): boolean {
  return canContribute(actor) && !(standing?.banned ?? false);
}

/** A meetup's online link: for those going and for those who manage the meetup. */
export function canSeeOnlineLink(myStatus: string | null, managesEvent: boolean): boolean {
  return myStatus === "going" || managesEvent;
}

/**
 * What changing a member's role in a circle means: nothing to do, taking the
 * owner role from someone (refused when they are the last owner), or a plain change.
 */
export function roleChange(current: GroupRole, next: GroupRole): "unchanged" | "fromOwner" | "change" {
  if (current === next) return "unchanged";
  return current === "owner" ? "fromOwner" : "change";
}

/**
 * Who manages a meetup, for a member who is not the actor (their calendar
 * feed): site admins, and hosts of its circle with a confirmed address; the
 * same rule as `canManageEvents`.
 */
export function managesEventAs(member: { site_role: string; email_verified_at: Date | null }, hostsItsCircle: boolean): boolean {
  return hasSiteAdminRole(member) || (hostsItsCircle && member.email_verified_at !== null);
}
