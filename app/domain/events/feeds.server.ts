import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../../db/index";
import { canSeeOnlineLink, managesEventAs } from "../../auth/policy";
import { hostsCircle, PUBLIC_READER, readableEvents, readableGroups, readerColumn } from "../../auth/readable.server";
import { calendarEventOf, type CalendarEvent } from "./ics.server";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

const FEED_WINDOW_DAYS = 180;

/** A public circle's events from a while back onwards (cancelled ones stay, marked, so calendars drop them). */
export async function publicGroupFeed(db: Database, groupSlug: string): Promise<{ name: string; events: CalendarEvent[] } | null> {
  const group = await db.selectFrom("groups").select(["id", "name"]).where("slug", "=", groupSlug).where(readableGroups(PUBLIC_READER)).executeTakeFirst();
  if (!group) return null;
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("group_id", "=", group.id)
    .where("ends_at", ">=", new Date(Date.now() - FEED_WINDOW_DAYS * 86_400_000))
    .orderBy("starts_at")
    .limit(500)
    .execute();
  // A public feed never carries an online link.
  return { name: group.name, events: rows.map((r) => calendarEventOf(r, false)) };
}

/** The events a member is going to or waiting for, behind their secret feed address. */
export async function memberFeed(db: Database, token: string): Promise<{ name: string; events: CalendarEvent[] } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const owner = await db
    .selectFrom("calendar_feeds")
    .innerJoin("members", "members.id", "calendar_feeds.member_id")
    .select(["members.id", "members.display_name", "members.email_verified_at", "members.site_role"])
    .where("calendar_feeds.token_hash", "=", hash(token))
    .executeTakeFirst();
  if (!owner) return null;
  // Only events the member can still see: membership of a private circle may have ended.
  const reader = readerColumn("event_rsvps.member_id");
  const rows = await db
    .selectFrom("events")
    .innerJoin("event_rsvps", "event_rsvps.event_id", "events.id")
    .leftJoin("groups", "groups.id", "events.group_id")
    .selectAll("events")
    .select(["event_rsvps.status", hostsCircle(reader, "events.group_id").as("hosts")])
    .where("event_rsvps.member_id", "=", owner.id)
    .where("event_rsvps.status", "in", ["going", "maybe", "waitlist"])
    .where("events.ends_at", ">=", new Date(Date.now() - FEED_WINDOW_DAYS * 86_400_000))
    .where(readableEvents(reader))
    .orderBy("events.starts_at")
    .limit(500)
    .execute();
  // The online link as on the meetup's page (`policy.canSeeOnlineLink`): for those going and for those who manage the meetup.
  return {
    name: owner.display_name,
    events: rows.map((r) => calendarEventOf(r, canSeeOnlineLink(r.status, Boolean(r.hosts) && managesEventAs(owner, Boolean(r.hosts))))),
  };
}

/** Makes (or replaces: the old address stops working) a member's secret feed address. */
export async function renewFeedToken(db: Database, memberId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db
    .insertInto("calendar_feeds")
    .values({ member_id: memberId, token_hash: hash(token) })
    .onConflict((oc) => oc.column("member_id").doUpdateSet({ token_hash: hash(token) }))
    .execute();
  return token;
}

export async function revokeFeedToken(db: Database, memberId: string): Promise<void> {
  await db.deleteFrom("calendar_feeds").where("member_id", "=", memberId).execute();
}

export async function hasFeedToken(db: Database, memberId: string): Promise<boolean> {
  return (await db.selectFrom("calendar_feeds").select("member_id").where("member_id", "=", memberId).executeTakeFirst()) !== undefined;
}
