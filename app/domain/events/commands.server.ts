import { sql, type SqlBool } from "kysely";
import type { Database } from "../../../db/index";
import type { RsvpStatus } from "../../../db/schema";
import type { Guardian } from "../../auth/guardian.server";
import { readableEvents, readerColumn } from "../../auth/readable.server";
import type { Locale } from "../../i18n/index";
import type { JobQueue } from "../../lib/jobs.server";
import { renderMarkdown } from "../../lib/markdown.server";
import { recordAudit } from "../audit.server";
import { conflict, fieldFailure, forbidden, missing, type CommandResult, type Failure } from "../result";
import { startMeetupDiscussion } from "../threads/posting.server";
import { commitOrRefuse, inTransaction } from "../transaction.server";
import { slugifyTitle } from "../threads/schema";
import { eventEmail, type EventEmailKind } from "./emails";
import { calendarEventOf, calendarText } from "./ics.server";
import { findVisibleEvent } from "./queries.server";
import { notifyMember } from "../notifications/fanout.server";
import { unsubscribeUrl, wantsImmediately } from "../notifications/email.server";
import type { EventInput } from "./schema";

export interface EventContext {
  jobs: JobQueue;
  /** Public origin for links and calendar UIDs. */
  origin: string;
  locale: Locale;
}

type Tx = Database;

/** Queues one email per member about this event, in their own language, with the .ics (sent only if the transaction commits). */
async function notify(trx: Tx, ctx: EventContext, eventId: number, memberIds: string[], kind: EventEmailKind) {
  if (memberIds.length === 0) return;
  const event = await trx.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom("members")
    .leftJoin("event_rsvps", (join) => join.onRef("event_rsvps.member_id", "=", "members.id").on("event_rsvps.event_id", "=", eventId))
    .select(["members.id", "members.email", "members.display_name", "members.locale", "event_rsvps.status"])
    .where("members.id", "in", memberIds)
    // Only those who may still see the meetup (a member who left or was banned from its circle keeps the RSVP row).
    .where(sql<SqlBool>`exists (select 1 from events left join groups on groups.id = events.group_id where events.id = ${eventId} and ${readableEvents(readerColumn("members.id"))})`)
    .execute();
  const inApp = { promoted: "event_promoted", changed: "event_changed", cancelled: "event_cancelled", movedToWaitlist: "event_changed", reminder: null } as const;
  for (const member of members) {
    const notificationKind = inApp[kind];
    if (notificationKind) {
      // Shown in the forum; the email below is this notification's email.
      await notifyMember(trx, { memberId: member.id, kind: notificationKind, eventId, groupId: event.group_id, detail: event.title });
    }
    if (!(await wantsImmediately(trx, member.id, "events"))) continue;
    const unsubscribe = await unsubscribeUrl(trx, ctx.origin, member.id, "events");
    const calendar = calendarText(ctx.origin, event.title, [calendarEventOf(event, member.status === "going")], {
      method: kind === "cancelled" ? "cancel" : "request",
    });
    await ctx.jobs.sendEmail(
      trx,
      eventEmail(
        kind,
        member.locale ?? ctx.locale,
        { email: member.email, name: member.display_name },
        { title: event.title, startsAt: event.starts_at, timeZone: event.time_zone, link: `${ctx.origin}/e/${event.id}`, reason: event.cancel_reason },
        calendar,
        unsubscribe,
      ),
    );
  }
}

/** Fills free places from the waitlist, first come first served; returns who moved up. */
async function promote(trx: Tx, eventId: number, capacity: number | null): Promise<string[]> {
  const going = await trx
    .selectFrom("event_rsvps")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "going")
    .executeTakeFirstOrThrow();
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - Number(going.n);
  if (free <= 0) return [];
  const next = await trx
    .selectFrom("event_rsvps")
    .select("member_id")
    .where("event_id", "=", eventId)
    .where("status", "=", "waitlist")
    .orderBy("waitlisted_at")
    .orderBy("member_id")
    .limit(Math.min(free, 10_000))
    .execute();
  if (next.length === 0) return [];
  await trx
    .updateTable("event_rsvps")
    .set({ status: "going", waitlisted_at: null, updated_at: new Date() })
    .where("event_id", "=", eventId)
    .where(
      "member_id",
      "in",
      next.map((n) => n.member_id),
    )
    .execute();
  return next.map((n) => n.member_id);
}

async function writePrinciples(trx: Tx, eventId: number, principles: string[]) {
  await trx.deleteFrom("event_principles").where("event_id", "=", eventId).execute();
  if (principles.length > 0) {
    await trx
      .insertInto("event_principles")
      .values([...new Set(principles)].map((slug) => ({ event_id: eventId, principle_slug: slug })))
      .execute();
  }
}

async function unknownPrinciples(handle: Database, principles: string[]): Promise<boolean> {
  if (principles.length === 0) return false;
  const known = await handle.selectFrom("principles").select("slug").where("slug", "in", principles).execute();
  return known.length !== new Set(principles).size;
}

/**
 * Hosts create events for their circle, with a discussion thread there, in
 * one transaction: when the thread cannot be started (the posting limit, for
 * one), the meetup is not created either. Site admins also create meetups
 * for the whole network (no circle, no thread).
 */
export async function createEvent(
  handle: Database,
  guardian: Guardian,
  groupId: string | null,
  input: EventInput,
): Promise<CommandResult<{ eventId: number }>> {
  const asked = guardian.using(handle);
  const visible = groupId === null || (await asked.seesGroup(groupId)) ? { groupId } : null;
  const { member, failure } = await asked.permit(visible, () => asked.canManageEvents(groupId));
  if (failure) return failure;
  // A circle's meetup comes with its discussion, which needs a confirmed address (site admins too): said before anything is made.
  const contributor = groupId === null ? null : asked.contributorOrFailure();
  if (contributor?.failure) return contributor.failure;
  if (await unknownPrinciples(handle, input.principles)) return fieldFailure("principles", "validation.tags.unknown");
  return commitOrRefuse<CommandResult<{ eventId: number }>>(handle, async (trx) => {
    const created = await trx
      .insertInto("events")
      .values({
        group_id: groupId,
        created_by: member.id,
        title: input.title,
        slug: slugifyTitle(input.title),
        description_markdown: input.description,
        description_html: renderMarkdown(input.description),
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        place_name: input.placeName,
        place_address: input.placeAddress,
        map_url: input.mapUrl,
        online_url: input.onlineUrl,
        capacity: input.capacity,
        rsvp_deadline: input.rsvpDeadline,
      })
      .returning(["id", "title"])
      .executeTakeFirstOrThrow();
    await writePrinciples(trx, created.id, input.principles);
    if (!groupId) return { ok: true, eventId: created.id };
    await recordAudit(trx, { groupId, actorId: member.id, action: "event.create", targetLabel: created.title });
    // The conversation about the meetup lives in the circle, linked both ways.
    const thread = await startMeetupDiscussion(trx, asked, groupId, {
      title: input.title,
      body: `[${input.title}](/e/${created.id})\n\n${input.description}`.slice(0, 32000),
      principles: input.principles,
      idempotencyKey: `event-${created.id}`,
    });
    if (!thread.ok) return discussionRefused(thread);
    await trx.updateTable("events").set({ thread_id: thread.threadId }).where("id", "=", created.id).execute();
    return { ok: true, eventId: created.id };
  });
}

/**
 * Why the meetup's discussion could not be started, said on the meetup form
 * (the thread's field errors name fields the meetup form does not have).
 */
function discussionRefused(failure: Failure): Failure {
  const formError = failure.kind === "rateLimited" ? "events.discussionRateLimited" : "events.discussionRefused";
  return { ...failure, kind: failure.kind === "missing" || failure.kind === "signedOut" ? "conflict" : failure.kind, fieldErrors: undefined, formError };
}

export type UpdateResult = CommandResult<{ eventId: number }> | (Failure & { going: number; overflow: number });

/** A meetup the actor may manage (hosts of its circle, site admins), or the refusal. */
async function managedEvent(handle: Database, asked: Guardian, eventId: number) {
  const existing = await findVisibleEvent(handle, asked.actor, eventId);
  return asked.permit(existing, (found) => asked.canManageEvents(found.group_id));
}

/**
 * Edits an event: SEQUENCE rises, everyone who answered going, maybe or the
 * waitlist gets the updated .ics. Raising the capacity promotes from the
 * waitlist; lowering it below the number going needs the host's explicit
 * choice (the latest to say yes move to the top of the waitlist, and are told).
 */
export async function updateEvent(handle: Database, ctx: EventContext, guardian: Guardian, eventId: number, input: EventInput): Promise<UpdateResult> {
  const { found: existing, member, failure } = await managedEvent(handle, guardian.using(handle), eventId);
  if (failure) return failure;
  const memberId = member.id;
  if (existing.cancelled_at) return conflict({ formError: "events.cancelledAlready" });
  if (await unknownPrinciples(handle, input.principles)) return fieldFailure("principles", "validation.tags.unknown");
  return inTransaction(handle, async (trx): Promise<UpdateResult> => {
    await trx.selectFrom("events").select(["id"]).where("id", "=", eventId).forUpdate().executeTakeFirstOrThrow();
    const going = await trx
      .selectFrom("event_rsvps")
      .select(["member_id", "updated_at"])
      .where("event_id", "=", eventId)
      .where("status", "=", "going")
      .orderBy("updated_at", "desc")
      .orderBy("member_id", "desc")
      .execute();
    let movedToWaitlist: string[] = [];
    if (input.capacity !== null && going.length > input.capacity) {
      const overflow = going.length - input.capacity;
      if (input.overflow !== "waitlist") {
        return { ...conflict({ formError: "events.capacityBelowGoing" }), going: going.length, overflow };
      }
      // The latest to say yes go to the top of the waitlist, ahead of those already waiting, keeping their order.
      movedToWaitlist = going.slice(0, overflow).map((g) => g.member_id);
      const head = await trx
        .selectFrom("event_rsvps")
        .select((eb) => eb.fn.min("waitlisted_at").as("first"))
        .where("event_id", "=", eventId)
        .where("status", "=", "waitlist")
        .executeTakeFirst();
      const before = (head?.first ? new Date(head.first as unknown as string) : new Date()).getTime();
      for (const [index, memberId] of [...movedToWaitlist].reverse().entries()) {
        await trx
          .updateTable("event_rsvps")
          .set({ status: "waitlist", waitlisted_at: new Date(before - (overflow - index) * 1000), updated_at: new Date() })
          .where("event_id", "=", eventId)
          .where("member_id", "=", memberId)
          .execute();
      }
    }
    await trx
      .updateTable("events")
      .set((eb) => ({
        title: input.title,
        description_markdown: input.description,
        description_html: renderMarkdown(input.description),
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        place_name: input.placeName,
        place_address: input.placeAddress,
        map_url: input.mapUrl,
        online_url: input.onlineUrl,
        capacity: input.capacity,
        rsvp_deadline: input.rsvpDeadline,
        sequence: eb("sequence", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", eventId)
      .execute();
    await writePrinciples(trx, eventId, input.principles);
    // More places (or no limit any more): the waitlist moves up at once.
    const promoted = movedToWaitlist.length > 0 ? [] : await promote(trx, eventId, input.capacity);
    const told = await trx
      .selectFrom("event_rsvps")
      .select("member_id")
      .where("event_id", "=", eventId)
      .where("status", "in", ["going", "maybe", "waitlist"])
      .execute();
    const special = new Set([...promoted, ...movedToWaitlist]);
    await notify(trx, ctx, eventId, promoted, "promoted");
    await notify(trx, ctx, eventId, movedToWaitlist, "movedToWaitlist");
    await notify(
      trx,
      ctx,
      eventId,
      told.map((t) => t.member_id).filter((id) => !special.has(id)),
      "changed",
    );
    if (existing.group_id) await recordAudit(trx, { groupId: existing.group_id, actorId: memberId, action: "event.update", targetLabel: input.title });
    return { ok: true, eventId };
  });
}

export async function cancelEvent(handle: Database, ctx: EventContext, guardian: Guardian, eventId: number, reason: string): Promise<CommandResult> {
  const { found: existing, member, failure } = await managedEvent(handle, guardian.using(handle), eventId);
  if (failure) return failure;
  const memberId = member.id;
  if (existing.cancelled_at) return { ok: true };
  await inTransaction(handle, async (trx) => {
    await trx
      .updateTable("events")
      .set((eb) => ({ cancelled_at: new Date(), cancel_reason: reason, sequence: eb("sequence", "+", 1), updated_at: new Date() }))
      .where("id", "=", eventId)
      .execute();
    const told = await trx.selectFrom("event_rsvps").select("member_id").where("event_id", "=", eventId).where("status", "in", ["going", "maybe", "waitlist"]).execute();
    await notify(
      trx,
      ctx,
      eventId,
      told.map((t) => t.member_id),
      "cancelled",
    );
    if (existing.group_id) await recordAudit(trx, { groupId: existing.group_id, actorId: memberId, action: "event.cancel", targetLabel: existing.title, reason });
  });
  return { ok: true };
}

export type RsvpResult = CommandResult<{ answer: RsvpStatus; position: number | null }>;

/**
 * Going, maybe or can't, with a note. The event row is locked for the
 * decision, so parallel answers for the last places never overbook: when
 * full, "going" joins the end of the waitlist. Giving up a place promotes the
 * first on the waitlist at once (and tells them).
 */
export async function setRsvp(
  handle: Database,
  ctx: EventContext,
  guardian: Guardian,
  eventId: number,
  choice: { status: "going" | "maybe" | "not_going"; note: string },
): Promise<RsvpResult> {
  const asked = guardian.using(handle);
  const existing = await findVisibleEvent(handle, asked.actor, eventId);
  if (!existing) return missing;
  const { member: actor, failure } = asked.memberOrFailure();
  if (failure) return failure;
  if (!(await asked.canRsvp(existing.group_id))) return asked.contributorOrFailure().failure ?? forbidden();
  if (existing.cancelled_at) return conflict({ formError: "events.rsvpCancelled" });
  const now = new Date();
  if (existing.ends_at <= now) return conflict({ formError: "events.rsvpPast" });
  if (existing.rsvp_deadline && existing.rsvp_deadline < now) return conflict({ formError: "events.rsvpClosed" });
  return inTransaction(handle, async (trx): Promise<RsvpResult> => {
    const event = await trx.selectFrom("events").select(["id", "capacity"]).where("id", "=", eventId).forUpdate().executeTakeFirstOrThrow();
    const current = await trx
      .selectFrom("event_rsvps")
      .select(["status", "waitlisted_at"])
      .where("event_id", "=", eventId)
      .where("member_id", "=", actor.id)
      .executeTakeFirst();
    let status: RsvpStatus = choice.status;
    let waitlistedAt: Date | null = null;
    if (choice.status === "going") {
      if (current?.status === "going") {
        status = "going";
      } else if (current?.status === "waitlist") {
        // Keep one's place in the queue.
        status = "waitlist";
        waitlistedAt = current.waitlisted_at;
      } else {
        const going = await trx
          .selectFrom("event_rsvps")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("event_id", "=", eventId)
          .where("status", "=", "going")
          .executeTakeFirstOrThrow();
        const waiting = await trx
          .selectFrom("event_rsvps")
          .select("member_id")
          .where("event_id", "=", eventId)
          .where("status", "=", "waitlist")
          .limit(1)
          .executeTakeFirst();
        // Nobody jumps the queue: with people waiting, a newcomer waits too.
        const full = event.capacity !== null && (Number(going.n) >= event.capacity || waiting !== undefined);
        if (full) {
          status = "waitlist";
          waitlistedAt = now;
        }
      }
    }
    await trx
      .insertInto("event_rsvps")
      .values({ event_id: eventId, member_id: actor.id, status, note: choice.note, waitlisted_at: waitlistedAt, updated_at: now })
      .onConflict((oc) => oc.columns(["event_id", "member_id"]).doUpdateSet({ status, note: choice.note, waitlisted_at: waitlistedAt, updated_at: now }))
      .execute();
    if (current?.status === "going" && status !== "going") {
      const promoted = await promote(trx, eventId, event.capacity);
      await notify(trx, ctx, eventId, promoted, "promoted");
    }
    let position: number | null = null;
    if (status === "waitlist") {
      const ahead = await trx
        .selectFrom("event_rsvps")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("event_id", "=", eventId)
        .where("status", "=", "waitlist")
        .where((eb) =>
          eb.or([eb("waitlisted_at", "<", waitlistedAt!), eb.and([eb("waitlisted_at", "=", waitlistedAt!), eb("member_id", "<", actor.id)])]),
        )
        .executeTakeFirstOrThrow();
      position = Number(ahead.n) + 1;
    }
    return { ok: true, answer: status, position };
  });
}

/**
 * Reminder emails to everyone going, for events starting within a day. A row
 * per person and start time is written in the same transaction as the
 * email job, so a restart, a second process or a second run never sends one
 * twice; a moved event is reminded again for its new time.
 */
export async function sendDueReminders(db: Database, ctx: Omit<EventContext, "locale">, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom("events")
    .innerJoin("event_rsvps", "event_rsvps.event_id", "events.id")
    .select(["events.id", "event_rsvps.member_id", "events.starts_at"])
    .where("events.cancelled_at", "is", null)
    .where("events.starts_at", ">", now)
    .where("events.starts_at", "<=", new Date(now.getTime() + 24 * 3600_000))
    .where("event_rsvps.status", "=", "going")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("event_reminders_sent")
            .select("event_reminders_sent.member_id")
            .whereRef("event_reminders_sent.event_id", "=", "events.id")
            .whereRef("event_reminders_sent.member_id", "=", "event_rsvps.member_id")
            .whereRef("event_reminders_sent.starts_at", "=", "events.starts_at"),
        ),
      ),
    )
    .limit(500)
    .execute();
  let sent = 0;
  for (const row of due) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto("event_reminders_sent")
        .values({ event_id: row.id, member_id: row.member_id, starts_at: row.starts_at })
        .onConflict((oc) => oc.doNothing())
        .returning("member_id")
        .executeTakeFirst();
      if (!claimed) return;
      await notify(trx, { ...ctx, locale: "nl" }, row.id, [row.member_id], "reminder");
      sent++;
    });
  }
  return sent;
}
