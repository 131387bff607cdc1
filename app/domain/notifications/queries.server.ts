import type { Database } from "../../../db/index";
import type { NotificationKind } from "../../../db/schema";
import { POSTS_PER_PAGE } from "../threads/schema";

export async function unreadCount(db: Database, memberId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("member_id", "=", memberId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

function notificationRows(db: Database, memberId: string) {
  return db
    .selectFrom("notifications")
    .leftJoin("members as actor", "actor.id", "notifications.actor_id")
    .leftJoin("threads", "threads.id", "notifications.thread_id")
    .leftJoin("posts", "posts.id", "notifications.post_id")
    .leftJoin("events", "events.id", "notifications.event_id")
    .leftJoin("groups", "groups.id", "notifications.group_id")
    .select([
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
    ])
    .where("notifications.member_id", "=", memberId);
}

type Row = Awaited<ReturnType<ReturnType<typeof notificationRows>["execute"]>>[number];

function toView(r: Row): NotificationView {
  let href: string | null = null;
  if (r.thread_id !== null && r.thread_slug) {
    const number = r.post_number ?? 1;
    const postPage = Math.ceil(number / POSTS_PER_PAGE);
    href = `/t/${r.thread_id}/${r.thread_slug}${postPage > 1 ? `?page=${postPage}` : ""}#post-${number}`;
  } else if (r.event_id !== null) {
    href = `/e/${r.event_id}`;
  } else if (r.group_slug && (r.kind === "request_approved" || r.kind === "report_decided")) {
    href = `/g/${r.group_slug}`;
  }
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actor_name,
    count: r.count,
    title: r.thread_title ?? r.event_title ?? r.group_name ?? r.detail,
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

/** Marks one notification read and returns where it points (or null if it is not the member's). */
export async function openNotification(db: Database, memberId: string, id: number): Promise<{ href: string | null } | null> {
  const row = await notificationRows(db, memberId).where("notifications.id", "=", id).executeTakeFirst();
  if (!row) return null;
  await markRead(db, memberId, id);
  return { href: toView(row).href };
}

export async function markAllRead(db: Database, memberId: string): Promise<void> {
  await db.updateTable("notifications").set({ read_at: new Date() }).where("member_id", "=", memberId).where("read_at", "is", null).execute();
}

export async function markRead(db: Database, memberId: string, id: number): Promise<boolean> {
  const result = await db.updateTable("notifications").set({ read_at: new Date() }).where("id", "=", id).where("member_id", "=", memberId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
