import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { readableThreads } from "../../auth/readable.server";
import type { Locale } from "../../i18n/index";
import { excerpt } from "../../lib/page-meta";
import { calendarEventOf, calendarText } from "./ics.server";
import { listVisibleGroupNames } from "../groups/queries.server";
import { listPrinciples } from "../principles/queries.server";
import { eventPrinciples, findVisibleEvent, listEvents, listRsvps } from "./queries.server";

/** The reader's own answer to a meetup, or null. */
async function myRsvp(db: Database, eventId: number, memberId: string | null) {
  if (memberId === null) return null;
  return (await db.selectFrom("event_rsvps").select(["status", "note"]).where("event_id", "=", eventId).where("member_id", "=", memberId).executeTakeFirst()) ?? null;
}

/**
 * Everything a meetup's page shows to this reader, or null when they may not
 * see it (the shared 404): facts, who answered what, their own answer, and
 * what they may do. The online link only for those who may have it
 * (`guardian.canSeeOnlineLink`, as in the `.ics`).
 */
export async function loadEventPage(db: Database, guardian: Guardian, eventId: number, locale: Locale) {
  const event = await findVisibleEvent(db, guardian.actor, eventId);
  if (!event) return null;
  const viewerId = guardian.memberId;
  const rsvps = await listRsvps(db, event.id);
  const mine = await myRsvp(db, event.id, viewerId);
  const manage = await guardian.canManageEvents(event.group_id);
  const seesOnlineLink = await guardian.canSeeOnlineLink({ groupId: event.group_id, myStatus: mine?.status ?? null });
  const creator = event.created_by
    ? await db.selectFrom("members").select(["username", "display_name"]).where("id", "=", event.created_by).executeTakeFirst()
    : undefined;
  const now = Date.now();
  const open = !event.cancelled_at && event.ends_at.getTime() > now && !(event.rsvp_deadline && event.rsvp_deadline.getTime() < now);
  const thread = event.thread_id
    ? await db
        .selectFrom("threads")
        .innerJoin("groups", "groups.id", "threads.group_id")
        .select(["threads.id", "threads.slug"])
        .where("threads.id", "=", event.thread_id)
        .where("threads.deleted_at", "is", null)
        .where(readableThreads(guardian.actor))
        .executeTakeFirst()
    : undefined;
  const position = mine?.status === "waitlist" ? rsvps.waitlist.findIndex((p) => p.memberId === viewerId) + 1 : null;
  const strip = (people: typeof rsvps.going) => people.map(({ username, name, avatarVersion, note }) => ({ username, name, avatarVersion, note }));
  return {
    event: {
      id: event.id,
      title: event.title,
      descriptionHtml: event.description_html,
      startsAt: event.starts_at.toISOString(),
      endsAt: event.ends_at.toISOString(),
      timeZone: event.time_zone,
      placeName: event.place_name,
      placeAddress: event.place_address,
      mapUrl: event.map_url,
      onlineUrl: seesOnlineLink ? event.online_url : null,
      hasOnline: event.online_url !== null,
      capacity: event.capacity,
      rsvpDeadline: event.rsvp_deadline?.toISOString() ?? null,
      cancelled: event.cancelled_at !== null,
      cancelReason: event.cancel_reason,
      past: event.ends_at.getTime() <= now,
    },
    group: event.group_slug && event.group_name ? { slug: event.group_slug, name: event.group_name } : null,
    creator: creator ? { username: creator.username, name: creator.display_name } : null,
    thread: thread ? { id: thread.id, slug: thread.slug } : null,
    principles: await eventPrinciples(db, event.id, locale),
    going: strip(rsvps.going),
    maybe: strip(rsvps.maybe),
    waitlist: strip(rsvps.waitlist),
    mine: mine ? { status: mine.status, note: mine.note, position } : null,
    readerZone: guardian.member?.timeZone ?? null,
    isPublic: Boolean(event.public),
    description: excerpt(event.description_html),
    signedIn: viewerId !== null,
    can: {
      rsvp: open && (await guardian.canRsvp(event.group_id)),
      manage: manage && !event.cancelled_at,
      report: guardian.canContribute && event.created_by !== viewerId && !event.cancelled_at,
    },
  };
}

export type EventPage = NonNullable<Awaited<ReturnType<typeof loadEventPage>>>;

/**
 * One meetup as an `.ics` file for this reader, or null (404). The online
 * link by the same rule as on its page (`guardian.canSeeOnlineLink`).
 */
export async function loadEventCalendar(db: Database, guardian: Guardian, origin: string, eventId: number) {
  const event = await findVisibleEvent(db, guardian.actor, eventId);
  if (!event) return null;
  const mine = await myRsvp(db, event.id, guardian.memberId);
  const withOnlineLink = await guardian.canSeeOnlineLink({ groupId: event.group_id, myStatus: mine?.status ?? null });
  return { filename: `${event.slug}.ics`, text: calendarText(origin, event.title, [calendarEventOf(event, withOnlineLink)]) };
}

/** The meetups page (`/e`): upcoming or past meetups the reader may see, filtered by circle and principle, with the filters' choices. */
export async function loadEventsIndex(
  db: Database,
  guardian: Guardian,
  locale: Locale,
  filters: { when: "upcoming" | "past"; group: string; principle: string },
) {
  const { when, principle } = filters;
  const [groups, principles] = await Promise.all([listVisibleGroupNames(db, guardian.actor), listPrinciples(db, locale)]);
  const group = groups.find((g) => g.slug === filters.group);
  const events =
    filters.group && !group
      ? []
      : await listEvents(db, guardian.actor, locale, {
          when,
          groupId: group?.id,
          principle: principles.some((p) => p.slug === principle) ? principle : principle ? "-" : undefined,
          limit: 50,
        });
  return {
    when,
    filters: { group: filters.group, principle },
    groups: groups.map(({ slug, name }) => ({ slug, name })),
    principles,
    events,
    canCreateNetworkEvent: await guardian.canManageEvents(null),
  };
}
