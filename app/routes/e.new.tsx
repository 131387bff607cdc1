import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { EventFields } from "../components/events";
import { FailureMessage } from "../components/failure-message";
import { createEvent } from "../domain/events/commands.server";
import { eventSchema } from "../domain/events/schema";
import { listPrinciples } from "../domain/principles/queries.server";
import { chosenPrinciples } from "../domain/threads/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";
import { timeZoneChoices } from "../lib/time-zones";

/** The circle the event is for (?group=slug), or none: a network event, for site admins. */
async function targetGroup(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = requireMember(context.actor, request);
  const slug = new URL(request.url).searchParams.get("group");
  if (!slug) {
    if (!(await context.guardian.canManageEvents(null))) forbidden();
    return { actor, group: null };
  }
  const { group } = await requireVisibleGroup(context.db, context.guardian, slug);
  if (!(await context.guardian.canManageEvents(group.id))) forbidden();
  return { actor, group };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, group } = await targetGroup(request, context);
  const locale = requestLocale(request, actor);
  return {
    locale,
    group: group ? { slug: group.slug, name: group.name } : null,
    principles: await listPrinciples(context.db, locale),
    zones: timeZoneChoices(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("events.new")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const { group } = await targetGroup(request, context);
  const values = await readForm(request);
  const { data, failure } = parseForm(eventSchema, values, { principles: chosenPrinciples(values) });
  if (failure) return failure;
  const result = await createEvent(context.db, context.guardian, group?.id ?? null, data);
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/e/${result.eventId}`);
}

export default function NewEvent() {
  const { group, principles, zones } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const t = useTranslate();
  return (
    <div>
      <p className="breadcrumb">{group ? <Link to={`/g/${group.slug}`}>{group.name}</Link> : <Link to="/e">{t("events.title")}</Link>}</p>
      <h1>{t("events.new")}</h1>
      {group ? null : <p>{t("events.networkWide")}</p>}
      <FailureMessage failure={failure} />
      <Form method="post" noValidate>
        <EventFields values={failure?.values ?? {}} errors={failure?.fieldErrors ?? {}} principles={principles} zones={zones} />
        <button type="submit" className="button">
          {t("events.create")}
        </button>
      </Form>
    </div>
  );
}
