import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CirclePrincipleFilters } from "../components/circle-principle-filters";
import { EventList } from "../components/events";
import { listEvents } from "../domain/events/queries.server";
import { listVisibleGroupNames } from "../domain/groups/queries.server";
import { listPrinciples } from "../domain/principles/queries.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

/** All upcoming (or past) meetups the reader may see, filterable by circle and principle. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request, context.actor);
  const url = new URL(request.url);
  const when = url.searchParams.get("when") === "past" ? "past" : "upcoming";
  const groups = await listVisibleGroupNames(context.db, context.actor);
  const principles = await listPrinciples(context.db, locale);
  const groupSlug = url.searchParams.get("group") ?? "";
  const principle = url.searchParams.get("principle") ?? "";
  const group = groups.find((g) => g.slug === groupSlug);
  const events =
    groupSlug && !group
      ? []
      : await listEvents(context.db, context.actor, locale, {
          when,
          groupId: group?.id,
          principle: principles.some((p) => p.slug === principle) ? principle : principle ? "-" : undefined,
          limit: 50,
        });
  return {
    locale,
    when,
    filters: { group: groupSlug, principle },
    groups: groups.map(({ slug, name }) => ({ slug, name })),
    principles,
    events,
    canCreateNetworkEvent: await context.guardian.canManageEvents(null),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("events.title")} · ${t("site.name")}` }, { name: "description", content: t("events.intro") }];
};

export default function Events() {
  const { when, filters, groups, principles, events, canCreateNetworkEvent } = useLoaderData<typeof loader>();
  const t = useTranslate();
  return (
    <div>
      <h1>{t("events.title")}</h1>
      <p className="lead">{t("events.intro")}</p>
      {canCreateNetworkEvent ? (
        <p>
          <Link to="/e/new" className="button">
            {t("events.newNetwork")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <input type="hidden" name="when" value={when} />
        <CirclePrincipleFilters idPrefix="filter" groups={groups} principles={principles} group={filters.group} principle={filters.principle} />
        <button type="submit" className="button button--secondary">
          {t("threads.filter")}
        </button>
      </Form>
      <nav aria-label={t("events.when")} className="tabs">
        <ul>
          <li>
            <Link to={`/e?${new URLSearchParams({ ...filters, when: "upcoming" })}`} aria-current={when === "upcoming" ? "page" : undefined}>
              {t("events.upcoming")}
            </Link>
          </li>
          <li>
            <Link to={`/e?${new URLSearchParams({ ...filters, when: "past" })}`} aria-current={when === "past" ? "page" : undefined}>
              {t("events.past")}
            </Link>
          </li>
        </ul>
      </nav>
      {events.length === 0 ? <p className="muted">{t(when === "past" ? "events.nonePast" : "events.noneUpcoming")}</p> : <EventList events={events} />}
    </div>
  );
}
