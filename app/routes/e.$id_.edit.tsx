import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { EventFields } from "../components/events";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { updateEvent } from "../domain/events/commands.server";
import { eventContext, eventIdFrom } from "../domain/events/context.server";
import { eventPrinciples, findVisibleEvent } from "../domain/events/queries.server";
import { eventSchema } from "../domain/events/schema";
import { listPrinciples } from "../domain/principles/queries.server";
import { chosenPrinciples } from "../domain/threads/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, parseForm, readForm, respondToFailure, typedValues } from "../lib/http.server";
import { instantToWallTime, timeZoneChoices } from "../lib/time-zones";

async function managedEvent(request: Request, context: LoaderFunctionArgs["context"], param: string | undefined) {
  const id = eventIdFrom(param);
  if (id === null) notFound();
  const event = await findVisibleEvent(context.db, context.actor, id);
  if (!event) notFound();
  const actor = requireMember(context.actor, request);
  if (!(await context.guardian.canManageEvents(event.group_id))) forbidden();
  return { actor, event };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, event } = await managedEvent(request, context, params.id);
  const locale = requestLocale(request, actor);
  const chosen = await eventPrinciples(context.db, event.id, locale);
  const zone = event.time_zone;
  return {
    locale,
    event: { id: event.id, title: event.title, cancelled: event.cancelled_at !== null },
    values: {
      title: event.title,
      description: event.description_markdown,
      starts: instantToWallTime(event.starts_at, zone),
      ends: instantToWallTime(event.ends_at, zone),
      timeZone: zone,
      placeName: event.place_name,
      placeAddress: event.place_address,
      mapUrl: event.map_url ?? "",
      onlineUrl: event.online_url ?? "",
      capacity: event.capacity === null ? "" : String(event.capacity),
      rsvpDeadline: event.rsvp_deadline ? instantToWallTime(event.rsvp_deadline, zone) : "",
      ...Object.fromEntries(chosen.map((p) => [`principle-${p.slug}`, "on"])),
    } as Record<string, string>,
    principles: await listPrinciples(context.db, locale),
    zones: timeZoneChoices(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("events.edit")} · ${data.event.title} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

type Result = FormFailure & { going?: number; overflow?: number };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, event } = await managedEvent(request, context, params.id);
  const values = await readForm(request);
  const { data, failure } = parseForm(eventSchema, values, { principles: chosenPrinciples(values) });
  if (failure) return failure;
  const result = await updateEvent(context.db, eventContext(request, context, requestLocale(request, actor)), context.guardian, event.id, data);
  if (!result.ok) {
    if ("going" in result) {
      // Nobody is dropped silently: the host chooses (the form keeps everything typed).
      return json<Result>(
        { ok: false, values: typedValues(values), fieldErrors: { capacity: "validation.event.capacity" }, formError: result.formError, going: result.going, overflow: result.overflow },
        { status: 409 },
      );
    }
    return respondToFailure(request, values, result);
  }
  throw redirect(`/e/${event.id}`);
}

export default function EditEvent() {
  const { event, values: saved, principles, zones } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Result | undefined;
  const t = useTranslate();
  const overflowing = failure?.going !== undefined;
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/e/${event.id}`}>{event.title}</Link>
      </p>
      <h1>{t("events.edit")}</h1>
      {overflowing ? (
        <FormMessage kind="error">{t("events.capacityBelowGoing", { going: failure.going ?? 0, overflow: failure.overflow ?? 0 })}</FormMessage>
      ) : (
        <FailureMessage failure={failure} />
      )}
      <p className="muted">{t("events.editNotice")}</p>
      <Form method="post" noValidate>
        <EventFields
          values={failure?.values ?? saved}
          errors={overflowing ? {} : (failure?.fieldErrors ?? {})}
          principles={principles}
          zones={zones}
        />
        {overflowing ? (
          <fieldset className="field field--invalid">
            <legend>{t("events.overflow.legend")}</legend>
            <label className="choice">
              <input type="checkbox" name="overflow" value="waitlist" /> {t("events.overflow.waitlist", { count: failure.overflow ?? 0 })}
            </label>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
    </div>
  );
}
