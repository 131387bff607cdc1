import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CirclePrincipleFilters } from "../components/circle-principle-filters";
import { EventList } from "../components/events";
import { loadEventsIndex } from "../domain/events/page.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

/** All upcoming (or past) meetups the reader may see, filterable by circle and principle. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = requestLocale(request, context.actor);
  return {
    locale,
    ...(await loadEventsIndex(context.db, context.guardian, locale, {
      when: url.searchParams.get("when") === "past" ? "past" : "upcoming",
      group: url.searchParams.get("group") ?? "",
      principle: url.searchParams.get("principle") ?? "",
    })),
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
