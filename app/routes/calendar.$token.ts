import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { memberFeed } from "../domain/events/feeds.server";
import { calendarText } from "../domain/events/ics.server";

/** A member's own events ("my events"), behind a secret, revocable address: no sign-in, as calendar apps need. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = await memberFeed(context.db, token);
  if (!feed) notFound();
  return new Response(calendarText(context.origin, feed.name, feed.events), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-cache", "Referrer-Policy": "no-referrer" },
  });
}
