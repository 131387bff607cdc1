import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Actor } from "./policy";

/**
 * The one readable-content filter, in SQL, next to the rules in `policy.ts`.
 * Every read of circles, threads, posts and meetups goes through these
 * fragments, for one of two kinds of reader:
 *
 * - an `Actor` (the person behind a request), or
 * - `readerColumn("members.id")`: every member a query iterates over (the
 *   notification fan-out, the digest), keyed by a member-id column in scope.
 *
 * The rules:
 * - a circle is readable when it is public, the reader belongs to it, or the
 *   reader is a site admin (a ban removes the membership);
 * - a thread when its circle is readable, it is not deleted (except for the
 *   circle's hosts) and not hidden (except for its author and the hosts);
 * - a post's text when its thread is readable, it is not deleted, and it is
 *   not hidden (except for its author and the hosts);
 * - a meetup when it belongs to the whole network or to a readable circle.
 *
 * "Hosts" are the circle's owners and moderators, and site admins.
 */
export type Reader = Actor | { column: RawBuilder<string> };

/** Every member that a query iterates over, by the member-id column named here (`"members.id"`). */
export function readerColumn(reference: string): Reader {
  return { column: sql.ref<string>(reference) };
}

/** A member id for comparisons (null for visitors, which compares as unknown, never true). */
function readerId(reader: Reader): RawBuilder<string | null> | null {
  if ("column" in reader) return reader.column;
  return reader.kind === "member" ? sql<string>`${reader.id}` : null;
}

function readerIsSiteAdmin(reader: Reader): RawBuilder<SqlBool> | boolean {
  if ("column" in reader) return sql<SqlBool>`exists (select 1 from members site_admin_check where site_admin_check.id = ${reader.column} and site_admin_check.site_role = 'admin')`;
  return reader.kind === "member" && reader.siteRole === "admin";
}

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** `a or b`, folded when either side is known in TypeScript. */
function either(known: RawBuilder<SqlBool> | boolean, rest: () => RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  if (known === true) return TRUE;
  return known === false ? rest() : sql<SqlBool>`(${known} or ${rest()})`;
}

/** Circles: `groups` in scope. */
export function readableGroups(reader: Reader): RawBuilder<SqlBool> {
  const id = readerId(reader);
  return either(readerIsSiteAdmin(reader), () =>
    id === null
      ? sql<SqlBool>`(groups.visibility = 'public')`
      : sql<SqlBool>`(groups.visibility = 'public' or exists (
          select 1 from group_members readable_member
          where readable_member.group_id = groups.id and readable_member.member_id = ${id}))`,
  );
}

/** Site admins, and members of the circle `groupId` (a column or a value) whose membership row passes `standing`. */
function standsInCircle(reader: Reader, groupId: RawBuilder<unknown>, standing: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  const id = readerId(reader);
  return either(readerIsSiteAdmin(reader), () =>
    id === null
      ? FALSE
      : sql<SqlBool>`exists (
          select 1 from group_members standing_check
          where standing_check.group_id = ${groupId} and standing_check.member_id = ${id} and ${standing})`,
  );
}

/** Whether the reader hosts the circle whose id is `groupIdColumn` (owners, moderators, site admins). */
export function hostsCircle(reader: Reader, groupIdColumn: string): RawBuilder<SqlBool> {
  return standsInCircle(reader, sql.ref(groupIdColumn), sql<SqlBool>`standing_check.role in ('owner', 'moderator')`);
}

/** Whether the reader wrote the row whose author column is named (false for visitors). */
function authored(reader: Reader, authorColumn: string): RawBuilder<SqlBool> {
  const id = readerId(reader);
  return id === null ? FALSE : sql<SqlBool>`coalesce(${sql.ref(authorColumn)} = ${id}, false)`;
}

/** Threads: `threads` and `groups` in scope. */
export function readableThreads(reader: Reader): RawBuilder<SqlBool> {
  const hosts = hostsCircle(reader, "threads.group_id");
  return sql<SqlBool>`(${readableGroups(reader)}
    and (threads.deleted_at is null or ${hosts})
    and (threads.hidden_at is null or ${hosts} or ${authored(reader, "threads.author_id")}))`;
}

/** A post's text: `posts`, `threads` and `groups` in scope. */
export function readablePosts(reader: Reader): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${readableThreads(reader)}
    and posts.deleted_at is null
    and (posts.hidden_at is null or ${hostsCircle(reader, "threads.group_id")} or ${authored(reader, "posts.author_id")}))`;
}

/** Meetups: `events` in scope and `groups` left-joined on `events.group_id`. */
export function readableEvents(reader: Reader): RawBuilder<SqlBool> {
  return sql<SqlBool>`(events.group_id is null or ${readableGroups(reader)})`;
}

/**
 * What visitors may read, for surfaces that are the same for everyone whoever
 * asks (feeds, sitemaps, page metadata, JSON-LD): the rules above for a
 * reader who is not signed in.
 */
export const PUBLIC_READER: Reader = { kind: "anonymous" };

/**
 * Hosts of the circle and members a host marked trusted (`policy.isHostOrTrusted`),
 * for a reader and the circle whose id is `groupId`; site admins too.
 */
export function hostOrTrusted(reader: Reader, groupId: string): RawBuilder<SqlBool> {
  return standsInCircle(reader, sql`${groupId}`, sql<SqlBool>`(standing_check.trusted or standing_check.role in ('owner', 'moderator'))`);
}
