import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Database } from "../../../db/index";
import type { NotificationKind } from "../../../db/schema";
import { readableEvents, readablePosts, readableThreads, readerColumn } from "../../auth/readable.server";
import { postPath } from "../threads/schema";

/** The bell's number (see `unreadNotificationCount`), on its own. */
export async function unreadCount(db: Database, memberId: string): Promise<number> {
  const row = await db
    .selectFrom("members")
    .select(unreadNotificationCount("members.id").as("n"))
    .where("members.id", "=", memberId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  actor: string | null;
  count: number;
  title: string;
  detail: string;
  href: string | null;
  read: boolean;
  at: string;
}

export const NOTIFICATIONS_PER_PAGE = 30;

/** Notifications about a post or thread (they quote its title and link to it). */
const CONTENT_KINDS: NotificationKind[] = ["reply", "mention", "quote", "reaction", "new_thread"];
/** Notifications about a meetup the recipient answered. */
const EVENT_KINDS: NotificationKind[] = ["event_promoted", "event_changed", "event_cancelled"];

/**
 * Whether the recipient may still read what a notification is about (the
 * readable filter keyed by `notifications.member_id`): a post hidden or
 * deleted since, or a private circle left since, drops notifications about it
 * from the list and from emails. Circle decisions, invitations and moderation
 * outcomes stay: they are about the recipient's own request, invitation or
 * report, not content they read (and name nothing they have not seen).
 */
function recipientMayRead() {
  const recipient = readerColumn("notifications.member_id");
  return sql<SqlBool>`(case
    when notifications.kind in (${sql.join(CONTENT_KINDS)})
      then (threads.id is null or ${readableThreads(recipient)}) and (posts.id is null or ${readablePosts(recipient)})
    when notifications.kind in (${sql.join(EVENT_KINDS)})
      then (events.id is null or ${readableEvents(recipient)})
    else true end)`;
}

/**
 * The bell's number for the member whose id is in `memberIdColumn`: their
 * unread notifications that the list shows (`recipientMayRead`), as a subquery
 * for the session lookup.
 */
export function unreadNotificationCount(memberIdColumn: string): RawBuilder<number> {
  return sql<number>`(select count(*) from notifications
    left join threads on threads.id = notifications.thread_id
    left join posts on posts.id = notifications.post_id
    left join events on events.id = notifications.event_id
    left join groups on groups.id = coalesce(threads.group_id, events.group_id, notifications.group_id)
    where notifications.member_id = ${sql.ref(memberIdColumn)} and notifications.read_at is null and ${recipientMayRead()})`;
}

/** Notifications with what their sentence and link need (callers add who they are for). */
export function notificationQuery(db: Database) {
  return db
    .selectFrom("notifications")
    .leftJoin("members as actor", "actor.id", "notifications.actor_id")
    .leftJoin("threads", "threads.id", "notifications.thread_id")
    .leftJoin("posts", "posts.id", "notifications.post_id")
    .leftJoin("events", "events.id", "notifications.event_id")
    // The circle of the thread or meetup (where the readable filter looks), else the one the notification names.
    .leftJoin("groups", (join) => join.on(sql<SqlBool>`groups.id = coalesce(threads.group_id, events.group_id, notifications.group_id)`))
    .select([
      recipientMayRead().as("readable"),
      "notifications.id",
      "notifications.kind",
      "notifications.count",
      "notifications.detail",
      "notifications.read_at",
      "notifications.updated_at",
      "actor.display_name as actor_name",
      "threads.id as thread_id",
      "threads.slug as thread_slug",
      "threads.title as thread_title",
      "posts.number as post_number",
      "events.id as event_id",
      "events.title as event_title",
      "groups.slug as group_slug",
      "groups.name as group_name",
    ]);
}

/** A member's notifications, about what they may still read (see `recipientMayRead`). */
function notificationRows(db: Database, memberId: string) {
  return notificationQuery(db).where("notifications.member_id", "=", memberId).where(recipientMayRead());
}

type Row = Awaited<ReturnType<ReturnType<typeof notificationQuery>["execute"]>>[number];

type Target = Pick<Row, "kind" | "thread_id" | "thread_slug" | "post_number" | "event_id" | "group_slug">;

/** Where a notification leads: the exact post, the meetup, or (for some circle news) the circle. */
export function notificationHref(r: Target, { circles = true } = {}): string | null {
  if (r.thread_id !== null && r.thread_slug) return postPath(r.thread_id, r.thread_slug, r.post_number ?? 1);
  if (r.event_id !== null) return `/e/${r.event_id}`;
  if (circles && r.group_slug && (r.kind === "request_approved" || r.kind === "report_decided")) return `/g/${r.group_slug}`;
  return null;
}

/** A notification's title: what it is about. */
export function notificationTitle(r: Pick<Row, "thread_title" | "event_title" | "group_name" | "detail">): string {
  return r.thread_title ?? r.event_title ?? r.group_name ?? r.detail;
}

function toView(r: Row): NotificationView {
  const href = notificationHref(r);
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actor_name,
    count: r.count,
    title: notificationTitle(r),
    detail: r.detail,
    href,
    read: r.read_at !== null,
    at: r.updated_at.toISOString(),
  };
}

/** A member's notifications, newest first, each with the address of the exact post or page. */
export async function listNotifications(db: Database, memberId: string, page = 1): Promise<NotificationView[]> {
  const rows = await notificationRows(db, memberId)
    .orderBy("notifications.updated_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset((page - 1) * NOTIFICATIONS_PER_PAGE)
    .execute();
  return rows.map(toView);
}

/** One of the member's notifications as the list shows it, or null (someone else's, or about what they can no longer read). */
export async function findNotification(db: Database, memberId: string, id: number) {
  const row = await notificationRows(db, memberId).where("notifications.id", "=", id).executeTakeFirst();
  return row ? toView(row) : null;
}
