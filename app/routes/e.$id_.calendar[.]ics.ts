import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { eventIdFrom } from "../domain/events/context.server";
import { loadEventCalendar } from "../domain/events/page.server";

/** The event as an .ics file (the online link only for those going and those who manage the meetup, as on its page). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = eventIdFrom(params.id);
  if (id === null) notFound();
  const calendar = await loadEventCalendar(context.db, context.guardian, context.origin, id);
  if (!calendar) notFound();
  return new Response(calendar.text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${calendar.filename}"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
