import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ReportForm } from "../components/report-form";
import { eventReportSchema, reportEvent } from "../domain/moderation/reports.server";
import { notFound } from "../auth/guards.server";
import { EventFacts } from "../components/event/event-facts";
import { EventJsonLd } from "../components/event/event-json-ld";
import { EventHostTools } from "../components/event/host-tools";
import { RsvpSection } from "../components/event/rsvp-section";
import { UserHtml } from "../components/user-html";
import { FormMessage } from "../components/form-fields";
import { cancelEvent, setRsvp } from "../domain/events/commands.server";
import { eventContext, eventIdFrom } from "../domain/events/context.server";
import { loadEventPage } from "../domain/events/page.server";
import { cancelSchema, rsvpSchema } from "../domain/events/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { parseForm, readForm, respondToFailure, type FormFailure } from "../lib/http.server";
import { pageMeta } from "../lib/page-meta";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = eventIdFrom(params.id);
  if (id === null) notFound();
  const locale = requestLocale(request, context.actor);
  const page = await loadEventPage(context.db, context.guardian, id, locale);
  if (!page) notFound();
  return { locale, origin: context.origin, ...page };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return pageMeta({
    title: `${data.event.title} · ${t("events.title")} · ${t("site.name")}`,
    description: data.isPublic ? data.description || undefined : undefined,
    url: `${data.origin}/e/${data.event.id}`,
    siteName: t("site.name"),
    noindex: !data.isPublic,
  });
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = eventIdFrom(params.id);
  if (id === null) notFound();
  const values = await readForm(request);
  const ctx = eventContext(request, context, requestLocale(request, context.actor));
  if (values.intent === "report") {
    const { data, failure } = parseForm(eventReportSchema, values);
    if (failure) return failure;
    const result = await reportEvent(context.db, context.guardian, id, data);
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(`/e/${id}?notice=reported`);
  }
  if (values.intent === "cancel") {
    const { data, failure } = parseForm(cancelSchema, values);
    if (failure) return failure;
    const result = await cancelEvent(context.db, ctx, context.guardian, id, data.reason);
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(`/e/${id}?notice=cancelled`);
  }
  const { data, failure } = parseForm(rsvpSchema, values);
  if (failure) return failure;
  const result = await setRsvp(context.db, ctx, context.guardian, id, data);
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/e/${id}?notice=${result.answer}#rsvp`);
}

const NOTICES = {
  going: "events.notice.going",
  maybe: "events.notice.maybe",
  not_going: "events.notice.notGoing",
  waitlist: "events.notice.waitlist",
  cancelled: "events.notice.cancelled",
  reported: "reports.sent",
} as const;

export default function EventPage() {
  const { event, group, creator, thread, principles, going, maybe, waitlist, mine, readerZone, signedIn, can, origin, isPublic, description } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice") as keyof typeof NOTICES | null;
  const t = useTranslate();
  const values = failure?.values ?? {};
  return (
    <article className="event">
      <p className="breadcrumb">
        {group ? <Link to={`/g/${group.slug}`}>{group.name}</Link> : <Link to="/e">{t("events.title")}</Link>}
      </p>
      <h1>{event.title}</h1>
      {isPublic ? <EventJsonLd event={event} group={group} origin={origin} description={description} /> : null}
      {event.cancelled ? (
        <FormMessage kind="error">{t("events.cancelledNotice", { reason: event.cancelReason ?? "" })}</FormMessage>
      ) : null}
      {notice && NOTICES[notice] ? <FormMessage kind="success">{t(NOTICES[notice], { position: mine?.position ?? "" })}</FormMessage> : null}

      <EventFacts event={event} creator={creator} principles={principles} readerZone={readerZone} />

      {event.descriptionHtml ? <UserHtml html={event.descriptionHtml} /> : null}
      {thread ? (
        <p>
          <Link to={`/t/${thread.id}/${thread.slug}`}>{t("events.discussion")}</Link>
        </p>
      ) : null}

      <RsvpSection event={event} going={going} maybe={maybe} waitlist={waitlist} mine={mine} signedIn={signedIn} can={can} failure={failure} />

      {can.report ? (
        <ReportForm
          open={values.intent === "report"}
          values={values.intent === "report" ? values : {}}
          errors={values.intent === "report" ? (failure?.fieldErrors ?? {}) : {}}
          message={values.intent === "report" ? failure?.formError : undefined}
          legend="reports.legendEvent"
          summary="reports.reportEvent"
        />
      ) : null}
      {can.manage ? <EventHostTools event={event} failure={failure} /> : null}
    </article>
  );
}
