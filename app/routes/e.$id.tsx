import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { canContribute, canManageEvents, canRsvp } from "../auth/policy";
import { ReportForm } from "../components/report-form";
import { eventReportSchema, reportEvent } from "../domain/moderation/reports.server";
import { notFound } from "../auth/guards.server";
import { Avatar } from "../components/avatar";
import { EventWhen, RSVP_KEYS } from "../components/events";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { UserHtml } from "../components/user-html";
import { cancelEvent, setRsvp } from "../domain/events/commands.server";
import { eventContext, eventIdFrom } from "../domain/events/context.server";
import { eventPrinciples, findVisibleEvent, listRsvps } from "../domain/events/queries.server";
import { cancelSchema, rsvpSchema } from "../domain/events/schema";
import { loadStanding } from "../auth/guardian.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";
import { excerpt, pageMeta } from "../lib/page-meta";
import { JsonLd } from "../components/json-ld";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = eventIdFrom(params.id);
  if (id === null) notFound();
  const event = await findVisibleEvent(context.db, context.actor, id);
  if (!event) notFound();
  const locale = requestLocale(request, context.actor);
  const standing = event.group_id ? await loadStanding(context.db, event.group_id, context.actor) : null;
  const viewerId = context.actor.kind === "member" ? context.actor.id : null;
  const rsvps = await listRsvps(context.db, event.id);
  const mine =
    viewerId === null
      ? null
      : (await context.db
          .selectFrom("event_rsvps")
          .select(["status", "note"])
          .where("event_id", "=", event.id)
          .where("member_id", "=", viewerId)
          .executeTakeFirst()) ?? null;
  const manage = canManageEvents(context.actor, standing);
  const creator = event.created_by
    ? await context.db.selectFrom("members").select(["username", "display_name"]).where("id", "=", event.created_by).executeTakeFirst()
    : undefined;
  const now = Date.now();
  const open = !event.cancelled_at && event.ends_at.getTime() > now && !(event.rsvp_deadline && event.rsvp_deadline.getTime() < now);
  const thread = event.thread_id
    ? await context.db.selectFrom("threads").select(["id", "slug"]).where("id", "=", event.thread_id).where("deleted_at", "is", null).executeTakeFirst()
    : undefined;
  const position = mine?.status === "waitlist" ? rsvps.waitlist.findIndex((p) => p.memberId === viewerId) + 1 : null;
  const strip = (people: typeof rsvps.going) => people.map(({ username, name, note }) => ({ username, name, note }));
  return {
    locale,
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
      // The online link only for those going (and the hosts).
      onlineUrl: mine?.status === "going" || manage ? event.online_url : null,
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
    principles: await eventPrinciples(context.db, event.id, locale),
    going: strip(rsvps.going),
    maybe: strip(rsvps.maybe),
    waitlist: strip(rsvps.waitlist),
    mine: mine ? { status: mine.status, note: mine.note, position } : null,
    readerZone: context.actor.kind === "member" ? context.actor.timeZone : null,
    origin: context.origin,
    isPublic: event.group_id === null || event.group_visibility === "public",
    description: excerpt(event.description_html),
    signedIn: viewerId !== null,
    can: {
      rsvp: open && canRsvp(context.actor, standing),
      manage: manage && !event.cancelled_at,
      report: canContribute(context.actor) && event.created_by !== viewerId && !event.cancelled_at,
    },
  };
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

function People({ people }: { people: Array<{ username: string; name: string; note: string }> }) {
  return (
    <ul className="people">
      {people.map((p) => (
        <li key={p.username}>
          <Link to={`/u/${p.username}`} className="person">
            <Avatar name={p.name} username={p.username} size="small" /> {p.name}
          </Link>
          {p.note ? <span className="muted"> — {p.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

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
      {isPublic ? (
        <JsonLd
          data={{
            "@context": "https://schema.org",
            "@type": "Event",
            name: event.title,
            description,
            url: `${origin}/e/${event.id}`,
            startDate: event.startsAt,
            endDate: event.endsAt,
            eventStatus: event.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            eventAttendanceMode:
              event.hasOnline && (event.placeName || event.placeAddress)
                ? "https://schema.org/MixedEventAttendanceMode"
                : event.hasOnline
                  ? "https://schema.org/OnlineEventAttendanceMode"
                  : "https://schema.org/OfflineEventAttendanceMode",
            location: [
              ...(event.placeName || event.placeAddress ? [{ "@type": "Place", name: event.placeName, address: event.placeAddress }] : []),
              // The online link itself is only for those going.
              ...(event.hasOnline ? [{ "@type": "VirtualLocation", url: `${origin}/e/${event.id}` }] : []),
            ],
            organizer: { "@type": "Organization", name: group?.name ?? "Goed Werk Netwerk", url: group ? `${origin}/g/${group.slug}` : origin },
            ...(event.capacity !== null ? { maximumAttendeeCapacity: event.capacity } : {}),
          }}
        />
      ) : null}
      {event.cancelled ? (
        <FormMessage kind="error">{t("events.cancelledNotice", { reason: event.cancelReason ?? "" })}</FormMessage>
      ) : null}
      {notice && NOTICES[notice] ? <FormMessage kind="success">{t(NOTICES[notice], { position: mine?.position ?? "" })}</FormMessage> : null}

      <section aria-labelledby="when-title" className="event__facts">
        <h2 id="when-title">{t("events.field.when")}</h2>
        <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} readerZone={readerZone} />
        <p>
          <a href={`/e/${event.id}/calendar.ics`} className="button button--secondary" download>
            {t("events.addToCalendar")}
          </a>
        </p>
        <h2>{t("events.field.where")}</h2>
        {event.placeName || event.placeAddress ? (
          <p>
            {event.placeName}
            {event.placeName && event.placeAddress ? <br /> : null}
            {event.placeAddress}
            {event.mapUrl ? (
              <>
                <br />
                <a href={event.mapUrl} rel="nofollow noopener noreferrer">
                  {t("events.map")}
                </a>
              </>
            ) : null}
          </p>
        ) : null}
        {event.hasOnline ? (
          event.onlineUrl ? (
            <p>
              {t("events.onlineAt")}{" "}
              <a href={event.onlineUrl} rel="nofollow noopener noreferrer">
                {event.onlineUrl}
              </a>
            </p>
          ) : (
            <p className="muted">{t("events.onlineHidden")}</p>
          )
        ) : null}
        <p className="muted">
          {creator ? (
            <>
              {t("events.organisedBy")} <Link to={`/u/${creator.username}`}>{creator.name}</Link>
            </>
          ) : null}
          {principles.length > 0 ? " · " : null}
          {principles.map((p, i) => (
            <span key={p.slug}>
              {i > 0 ? ", " : null}
              <Link to={`/p/${p.slug}`}>{p.label}</Link>
            </span>
          ))}
        </p>
      </section>

      {event.descriptionHtml ? <UserHtml html={event.descriptionHtml} /> : null}
      {thread ? (
        <p>
          <Link to={`/t/${thread.id}/${thread.slug}`}>{t("events.discussion")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="rsvp-title" id="rsvp" className="rsvp">
        <h2 id="rsvp-title">{t("events.rsvp.title")}</h2>
        <p>
          {event.capacity === null
            ? t("events.goingCount", { count: going.length })
            : t("events.placesTaken", { going: going.length, capacity: event.capacity })}
          {waitlist.length > 0 ? ` · ${t("events.waitlistCount", { count: waitlist.length })}` : ""}
        </p>
        {mine ? (
          <p>
            <strong>{t("events.yourAnswer")}</strong> {t(RSVP_KEYS[mine.status])}
            {mine.position ? ` (${t("events.position", { position: mine.position })})` : ""}
          </p>
        ) : null}
        {can.rsvp ? (
          <Form method="post" noValidate>
            <FailureMessage failure={failure && values.intent === "rsvp" ? failure : undefined} />
            <fieldset className="field">
              <legend>{t("events.rsvp.question")}</legend>
              {(["going", "maybe", "not_going"] as const).map((status) => (
                <label key={status} className="choice">
                  <input
                    type="radio"
                    name="status"
                    value={status}
                    defaultChecked={(values.status ?? (mine?.status === "waitlist" ? "going" : mine?.status)) === status}
                  />{" "}
                  {t(RSVP_KEYS[status])}
                </label>
              ))}
            </fieldset>
            <Field
              name="note"
              label={t("events.rsvp.note")}
              maxLength={200}
              defaultValue={values.note ?? mine?.note ?? ""}
              error={values.intent === "rsvp" ? failure?.fieldErrors.note : undefined}
            />
            <button type="submit" name="intent" value="rsvp" className="button">
              {t("events.rsvp.submit")}
            </button>
          </Form>
        ) : !signedIn && !event.cancelled && !event.past ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(`/e/${event.id}`)}`}>{t("events.signInToRsvp")}</Link>
          </p>
        ) : failure ? (
          <FailureMessage failure={failure} />
        ) : event.cancelled || event.past ? null : signedIn ? (
          <p className="muted">{t("events.rsvpClosedOrNotAllowed")}</p>
        ) : null}

        {going.length > 0 ? (
          <>
            <h3>{t("events.rsvp.going")}</h3>
            <People people={going} />
          </>
        ) : null}
        {maybe.length > 0 ? (
          <>
            <h3>{t("events.rsvp.maybe")}</h3>
            <People people={maybe} />
          </>
        ) : null}
        {waitlist.length > 0 ? (
          <>
            <h3>{t("events.rsvp.waitlist")}</h3>
            <ol className="people">
              {waitlist.map((p) => (
                <li key={p.username}>
                  <Link to={`/u/${p.username}`}>{p.name}</Link>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

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
      {can.manage ? (
        <section aria-labelledby="host-title" className="host-tools">
          <h2 id="host-title">{t("groups.hostTools")}</h2>
          <p>
            <Link to={`/e/${event.id}/edit`} className="button button--secondary">
              {t("events.edit")}
            </Link>
          </p>
          <details open={failure && values.intent === "cancel" ? true : undefined}>
            <summary>{t("events.cancel")}</summary>
            <Form method="post" noValidate>
              <div className={failure?.fieldErrors.reason ? "field field--invalid" : "field"}>
                <label htmlFor="field-reason">{t("events.cancelReason")}</label>
                <input
                  id="field-reason"
                  name="reason"
                  maxLength={500}
                  defaultValue={values.reason}
                  aria-invalid={failure?.fieldErrors.reason ? true : undefined}
                  aria-describedby={failure?.fieldErrors.reason ? "field-reason-error" : undefined}
                />
                {failure?.fieldErrors.reason ? (
                  <p className="field__error" id="field-reason-error">
                    {t(failure.fieldErrors.reason)}
                  </p>
                ) : null}
              </div>
              <button type="submit" name="intent" value="cancel" className="button button--danger">
                {t("events.cancelSubmit")}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </article>
  );
}
