import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { publicGroupFeed } from "../domain/events/feeds.server";
import { calendarText } from "../domain/events/ics.server";

/** Subscribable feed of a public circle's events; private circles have none (404). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!params.slug || !/^[a-z0-9-]{1,64}$/.test(params.slug)) notFound();
  const feed = await publicGroupFeed(context.db, params.slug);
  if (!feed) notFound();
  return new Response(calendarText(context.origin, feed.name, feed.events), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
