import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { eventIdFrom } from "../domain/events/context.server";
import { calendarEventOf, calendarText } from "../domain/events/ics.server";
import { findVisibleEvent } from "../domain/events/queries.server";

/** The event as an .ics file (the online link only for someone who is going). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = eventIdFrom(params.id);
  if (id === null) notFound();
  const event = await findVisibleEvent(context.db, context.actor, id);
  if (!event) notFound();
  const going =
    context.actor.kind === "member" &&
    (await context.db
      .selectFrom("event_rsvps")
      .select("status")
      .where("event_id", "=", id)
      .where("member_id", "=", context.actor.id)
      .where("status", "=", "going")
      .executeTakeFirst()) !== undefined;
  const text = calendarText(context.origin, event.title, [calendarEventOf(event, going)]);
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
