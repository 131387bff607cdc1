import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/session.server";
import { EventList } from "../components/events";
import { FormMessage } from "../components/form-fields";
import { hasFeedToken, renewFeedToken, revokeFeedToken } from "../domain/events/feeds.server";
import { listEvents } from "../domain/events/queries.server";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, readForm } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  const locale = requestLocale(request, member);
  return {
    hasFeed: await hasFeedToken(context.db, member.id),
    upcoming: await listEvents(context.db, member, locale, { memberGoing: member.id, limit: 50 }),
  };
}

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const member = requireMember(context.actor, request);
  const values = await readForm(request);
  if (values.intent === "renew") {
    const token = await renewFeedToken(context.db, member.id);
    // Shown once: only its hash is kept.
    return { ok: true as const, url: `${context.origin}/calendar/${token}.ics`, revoked: false };
  }
  if (values.intent === "revoke") {
    await revokeFeedToken(context.db, member.id);
    return { ok: true as const, url: null, revoked: true };
  }
  return formFailure(values, { status: 400, formError: "error.badRequest.text" });
}

export default function CalendarSettings() {
  const { hasFeed, upcoming } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: true; url: string | null; revoked: boolean } | undefined;
  const t = useTranslate();
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("calendar.title")}</h2>
      <h3>{t("calendar.upcoming")}</h3>
      {upcoming.length === 0 ? (
        <p className="muted">
          {t("calendar.none")} <Link to="/e">{t("events.title")}</Link>
        </p>
      ) : (
        <EventList events={upcoming} />
      )}
      <h3>{t("calendar.feed")}</h3>
      <p>{t("calendar.feed.intro")}</p>
      {result?.url ? (
        <FormMessage kind="success">
          {t("calendar.feed.created")}{" "}
          <code className="copyable">{result.url}</code>
        </FormMessage>
      ) : null}
      {result?.revoked ? <FormMessage kind="success">{t("calendar.feed.revoked")}</FormMessage> : null}
      <Form method="post" className="button-row">
        <button type="submit" name="intent" value="renew" className="button">
          {t(hasFeed ? "calendar.feed.renew" : "calendar.feed.create")}
        </button>
        {hasFeed ? (
          <button type="submit" name="intent" value="revoke" className="button button--secondary">
            {t("calendar.feed.revoke")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}
