import { sql } from "kysely";
import type { Database } from "../../../db/index";
import type { RsvpStatus } from "../../../db/schema";
import { memberIdOf, type Actor } from "../../auth/policy";
import type { Locale } from "../../i18n/index";
import { PUBLIC_READER, readableEvents } from "../../auth/readable.server";


export interface EventListItem {
  id: number;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  placeName: string;
  online: boolean;
  capacity: number | null;
  going: number;
  cancelled: boolean;
  group: { slug: string; name: string } | null;
  principles: Array<{ slug: string; label: string }>;
  myStatus: RsvpStatus | null;
}

export async function listEvents(
  db: Database,
  actor: Actor,
  locale: Locale,
  {
    groupId,
    principle,
    memberGoing,
    when = "upcoming",
    limit = 20,
    publicOnly = false,
  }: { groupId?: string; principle?: string; memberGoing?: string; when?: "upcoming" | "past"; limit?: number; publicOnly?: boolean },
): Promise<EventListItem[]> {
  const viewer = publicOnly ? PUBLIC_READER : actor;
  const viewerId = memberIdOf(actor);
  const now = new Date();
  let query = db
    .selectFrom("events")
    .leftJoin("groups", "groups.id", "events.group_id")
    .leftJoin("event_rsvps as mine", (join) =>
      join.onRef("mine.event_id", "=", "events.id").on("mine.member_id", "=", viewerId ?? "00000000-0000-0000-0000-000000000000"),
    )
    .select((eb) => [
      "events.id",
      "events.slug",
      "events.title",
      "events.starts_at",
      "events.ends_at",
      "events.time_zone",
      "events.place_name",
      "events.online_url",
      "events.capacity",
      "events.cancelled_at",
      "groups.slug as group_slug",
      "groups.name as group_name",
      "mine.status as my_status",
      eb
        .selectFrom("event_rsvps")
        .select((e) => e.fn.countAll<string>().as("n"))
        .whereRef("event_rsvps.event_id", "=", "events.id")
        .where("event_rsvps.status", "=", "going")
        .as("going"),
    ])
    .where(readableEvents(viewer))
    .limit(limit);
  query = when === "upcoming" ? query.where("events.ends_at", ">=", now).orderBy("events.starts_at", "asc") : query.where("events.ends_at", "<", now).orderBy("events.starts_at", "desc");
  if (groupId) query = query.where("events.group_id", "=", groupId);
  if (principle) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("event_principles")
          .select(sql`1`.as("one"))
          .whereRef("event_principles.event_id", "=", "events.id")
          .where("event_principles.principle_slug", "=", principle),
      ),
    );
  }
  if (memberGoing) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("event_rsvps as attending")
          .select(sql`1`.as("one"))
          .whereRef("attending.event_id", "=", "events.id")
          .where("attending.member_id", "=", memberGoing)
          .where("attending.status", "in", ["going", "waitlist", "maybe"]),
      ),
    );
  }
  const rows = await query.orderBy("events.id").execute();
  const principles = rows.length
    ? await db
        .selectFrom("event_principles")
        .innerJoin("principles", "principles.slug", "event_principles.principle_slug")
        .select(["event_principles.event_id", "principles.slug", "principles.label_nl", "principles.label_en"])
        .where(
          "event_principles.event_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("principles.position")
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    timeZone: r.time_zone,
    placeName: r.place_name,
    online: r.online_url !== null,
    capacity: r.capacity,
    going: Number(r.going ?? 0),
    cancelled: r.cancelled_at !== null,
    group: r.group_slug && r.group_name ? { slug: r.group_slug, name: r.group_name } : null,
    principles: principles
      .filter((p) => p.event_id === r.id)
      .map((p) => ({ slug: p.slug, label: locale === "en" ? p.label_en : p.label_nl })),
    myStatus: r.my_status ?? null,
  }));
}

/** An event the actor may see, with its circle; or null (404). */
export async function findVisibleEvent(db: Database, actor: Actor, eventId: number) {
  return db
    .selectFrom("events")
    .leftJoin("groups", "groups.id", "events.group_id")
    .selectAll("events")
    .select(["groups.slug as group_slug", "groups.name as group_name", "groups.visibility as group_visibility", "groups.listed as group_listed", "groups.join_policy as group_join_policy"])
    // Whether visitors may read it too: what page metadata, JSON-LD and indexing go by.
    .select(readableEvents(PUBLIC_READER).as("public"))
    .where("events.id", "=", eventId)
    .where(readableEvents(actor))
    .executeTakeFirst();
}

export async function eventPrinciples(db: Database, eventId: number, locale: Locale) {
  const rows = await db
    .selectFrom("event_principles")
    .innerJoin("principles", "principles.slug", "event_principles.principle_slug")
    .select(["principles.slug", "principles.label_nl", "principles.label_en"])
    .where("event_principles.event_id", "=", eventId)
    .orderBy("principles.position")
    .execute();
  return rows.map((r) => ({ slug: r.slug, label: locale === "en" ? r.label_en : r.label_nl }));
}

/** Who answered what; the waitlist in queue order. */
export async function listRsvps(db: Database, eventId: number) {
  const rows = await db
    .selectFrom("event_rsvps")
    .innerJoin("members", "members.id", "event_rsvps.member_id")
    .select(["event_rsvps.member_id", "event_rsvps.status", "event_rsvps.note", "event_rsvps.waitlisted_at", "event_rsvps.updated_at", "members.username", "members.display_name", "members.avatar_version"])
    .where("event_rsvps.event_id", "=", eventId)
    .orderBy("event_rsvps.waitlisted_at", "asc")
    .orderBy("event_rsvps.updated_at", "asc")
    .execute();
  const person = (r: (typeof rows)[number]) => ({ memberId: r.member_id, username: r.username, name: r.display_name, avatarVersion: r.avatar_version, note: r.note });
  return {
    going: rows.filter((r) => r.status === "going").map(person),
    maybe: rows.filter((r) => r.status === "maybe").map(person),
    waitlist: rows.filter((r) => r.status === "waitlist").map(person),
    notGoing: rows.filter((r) => r.status === "not_going").length,
  };
}
