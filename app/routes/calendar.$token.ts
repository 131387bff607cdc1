import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { memberFeed } from "../domain/events/feeds.server";
import { calendarText } from "../domain/events/ics.server";
import { publicOrigin } from "../lib/http.server";

/** A member's own events ("my events"), behind a secret, revocable address: no sign-in, as calendar apps need. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = await memberFeed(context.db, token);
  if (!feed) notFound();
  return new Response(calendarText(publicOrigin(request, context.config), feed.name, feed.events), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-cache", "Referrer-Policy": "no-referrer" },
  });
}
