import { sql } from "kysely";
import type { Database } from "../../db/index";
import { forbidden, missing, signedOut, unverified, type Failure } from "../domain/result";
import * as policy from "./policy";
import type { Actor, GroupForPolicy, GroupRole, GroupStanding, MemberActor } from "./policy";
import { readableEvents, readableGroups, readablePosts, readableThreads } from "./readable.server";

/** A database handle: the database itself or a transaction on it. */
export type Handle = Database;

/**
 * One answer to "may this person do that", made once per request
 * (`context.guardian`) from the actor. It loads the actor's standing in a
 * circle at most once per request and answers every question from the pure
 * rules in `policy.ts`; the matching SQL filter is `guardian.readable`.
 * Routes, components and commands ask it instead of looking at roles or
 * actor kinds themselves.
 */
export class Guardian {
  private readonly standings: Map<string, Promise<GroupStanding>>;

  constructor(
    readonly actor: Actor,
    private readonly db: Handle,
    standings?: Map<string, Promise<GroupStanding>>,
  ) {
    this.standings = standings ?? new Map();
  }

  /** The same guardian (and standings already loaded) reading through `handle`, e.g. inside a transaction. */
  using(handle: Handle): Guardian {
    return handle === this.db ? this : new Guardian(this.actor, handle, this.standings);
  }

  // ——— who is asking ———

  /** The signed-in member, or null for a visitor. */
  get member(): MemberActor | null {
    return policy.isMember(this.actor) ? this.actor : null;
  }

  get memberId(): string | null {
    return this.member?.id ?? null;
  }

  private get isSiteAdmin(): boolean {
    return policy.isSiteAdmin(this.actor);
  }

  /** Posting, answering and reporting need a confirmed address. */
  get canContribute(): boolean {
    return policy.canContribute(this.actor);
  }

  /** The signed-in member, or the refusal for a visitor. */
  memberOrFailure(): { member: MemberActor; failure?: undefined } | { member?: undefined; failure: Failure } {
    const member = this.member;
    return member ? { member } : { failure: signedOut };
  }

  /**
   * The refusals in the order every command gives them: what the actor cannot
   * see is missing (before sign-in, so a private thing answers a visitor as a
   * missing one does), then sign in, then the rule (`refusal` when it says no).
   */
  async permit<T>(
    found: T | null | undefined,
    allowed: (found: T) => boolean | Promise<boolean>,
    refusal: Failure = forbidden(),
  ): Promise<{ found: T; member: MemberActor; failure?: undefined } | { found?: undefined; member?: undefined; failure: Failure }> {
    if (found === null || found === undefined) return { failure: missing };
    const member = this.member;
    if (!member) return { failure: signedOut };
    if (!(await allowed(found))) return { failure: refusal };
    return { found, member };
  }

  /** Signed in with a confirmed address, or the refusal that says which is missing. */
  contributorOrFailure(): { member: MemberActor; failure?: undefined } | { member?: undefined; failure: Failure } {
    const member = this.member;
    if (!member) return { failure: signedOut };
    if (!member.emailVerified) return { failure: unverified };
    return { member };
  }

  /** Signed in as a site admin, or the refusal. */
  siteAdminOrFailure(): { member: MemberActor; failure?: undefined } | { member?: undefined; failure: Failure } {
    const member = this.member;
    if (!member) return { failure: signedOut };
    if (!this.isSiteAdmin) return { failure: forbidden() };
    return { member };
  }

  // ——— standing in a circle ———

  /** Whether the circle exists and this actor may see it (`readableGroups`). */
  async seesGroup(groupId: string): Promise<boolean> {
    const row = await this.db.selectFrom("groups").select("id").where("id", "=", groupId).where(readableGroups(this.actor)).executeTakeFirst();
    return row !== undefined;
  }

  /** The actor's standing in a circle, loaded once per request (network-wide things have no circle). */
  standing(groupId: string | null): Promise<GroupStanding> {
    if (groupId === null) return Promise.resolve(policy.NO_STANDING);
    let loaded = this.standings.get(groupId);
    if (!loaded) {
      loaded = loadStanding(this.db, groupId, this.actor);
      this.standings.set(groupId, loaded);
    }
    return loaded;
  }

  /** A standing read along with its circle (see `requireVisibleGroup`): questions about that circle then read nothing more. */
  remember(groupId: string, standing: GroupStanding): void {
    if (!this.standings.has(groupId)) this.standings.set(groupId, Promise.resolve(standing));
  }

  /** After a command changed the actor's standing (joined, left), the next question reloads it. */
  forget(groupId: string): void {
    this.standings.delete(groupId);
  }

  /** Everything a circle's pages may offer this actor (join, leave, moderate, manage…). */
  async groupPermissions(groupId: string, group: GroupForPolicy) {
    return policy.groupPermissions(this.actor, group, await this.standing(groupId));
  }

  async canModerate(groupId: string): Promise<boolean> {
    return policy.canModerateThread(this.actor, await this.standing(groupId));
  }

  async canStartThread(groupId: string): Promise<boolean> {
    return policy.canStartThread(this.actor, await this.standing(groupId));
  }

  /** Replies need a thread that is neither deleted nor hidden; locked threads only for hosts. */
  async canReply(thread: { groupId: string; locked: boolean; hidden: boolean; deleted: boolean }): Promise<boolean> {
    if (thread.hidden || thread.deleted) return false;
    return policy.canReply(this.actor, await this.standing(thread.groupId), thread);
  }

  async canReact(groupId: string): Promise<boolean> {
    return policy.canReact(this.actor, await this.standing(groupId));
  }

  /** Reacting to one post: as `canReact`, and never to one's own post. */
  async canReactTo(groupId: string, post: { authorId: string | null }): Promise<boolean> {
    return policy.canReact(this.actor, await this.standing(groupId), post);
  }

  /** A thread's title and tags: its author, the circle's hosts and site admins. */
  async canEditThreadTitle(groupId: string, thread: { authorId: string | null; deleted: boolean }): Promise<boolean> {
    return policy.canEditThreadTitle(this.actor, await this.standing(groupId), thread);
  }

  canEditPost(post: { authorId: string | null; deleted: boolean }): boolean {
    return policy.canEditPost(this.actor, post);
  }

  async canDeletePost(groupId: string, post: { authorId: string | null; deleted: boolean }): Promise<boolean> {
    return policy.canDeletePost(this.actor, await this.standing(groupId), post);
  }

  /** Reporting: members with a confirmed address, not their own posts, not deleted ones. */
  canReport(post: { authorId: string | null; deleted: boolean }): boolean {
    return this.canContribute && post.authorId !== this.memberId && !post.deleted;
  }

  /** Hosts and trusted members of a circle skip the new-member limits and hide reported posts sooner. */
  async isHostOrTrusted(groupId: string): Promise<boolean> {
    return this.isSiteAdmin || policy.isHostOrTrusted(await this.standing(groupId));
  }

  async canSanction(groupId: string, targetRole: GroupRole | null): Promise<boolean> {
    return policy.canSanction(await this.standing(groupId), this.actor, targetRole);
  }

  get canCreateGroup(): boolean {
    return policy.canCreateGroup(this.actor);
  }

  // ——— meetups ———

  async canManageEvents(groupId: string | null): Promise<boolean> {
    return policy.canManageEvents(this.actor, groupId === null ? null : await this.standing(groupId));
  }

  async canRsvp(groupId: string | null): Promise<boolean> {
    return policy.canRsvp(this.actor, groupId === null ? null : await this.standing(groupId));
  }

  /** A meetup's online link: for those going and for those who manage the meetup, on its page and in its `.ics` alike. */
  async canSeeOnlineLink(event: { groupId: string | null; myStatus: string | null }): Promise<boolean> {
    return policy.canSeeOnlineLink(event.myStatus, await this.canManageEvents(event.groupId));
  }

  // ——— people ———

  canEditProfile(profile: { id: string }): boolean {
    return policy.canEditProfile(this.actor, profile);
  }

  canReadDevMailbox(request: { directLocalRequest: boolean }): boolean {
    return policy.canReadDevMailbox(this.actor, request);
  }

  /** Site-wide moderation: suspensions, every circle's review queue, the whole audit log. */
  get canModerateSite(): boolean {
    return this.isSiteAdmin;
  }

  // ——— the readable-content filter for this actor ———

  /** SQL conditions for what this actor may read (see `readable.server.ts`). */
  get readable() {
    const actor = this.actor;
    return {
      groups: () => readableGroups(actor),
      threads: () => readableThreads(actor),
      posts: () => readablePosts(actor),
      events: () => readableEvents(actor),
    };
  }
}

/** A guardian for an actor outside a request (jobs, tests, the command line). */
export function guardianFor(db: Handle, actor: Actor): Guardian {
  return new Guardian(actor, db);
}

/** The actor's standing in a circle (role, trust, ban, pending request, owner count), in one round trip. */
export async function loadStanding(db: Handle, groupId: string, actor: Actor): Promise<GroupStanding> {
  const memberId = policy.isMember(actor) ? actor.id : null;
  const row = await sql<{ owners: string; role: GroupStanding["role"]; trusted: boolean | null; banned: boolean; pending: boolean }>`
    select
      (select count(*) from group_members where group_id = ${groupId} and role = 'owner') as owners,
      mine.role, mine.trusted,
      exists (select 1 from group_bans where group_id = ${groupId} and member_id = ${memberId}) as banned,
      exists (select 1 from group_join_requests where group_id = ${groupId} and member_id = ${memberId} and status = 'pending') as pending
    from (select 1) as one
    left join group_members mine on mine.group_id = ${groupId} and mine.member_id = ${memberId}
  `.execute(db);
  const standing = row.rows[0]!;
  if (memberId === null) return { ...policy.NO_STANDING, ownerCount: Number(standing.owners) };
  return {
    role: standing.role ?? null,
    trusted: standing.trusted ?? false,
    banned: standing.banned,
    pendingRequest: standing.pending,
    ownerCount: Number(standing.owners),
  };
}
