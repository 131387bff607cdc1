import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrincipleList } from "../components/principle-list";
import { listPrinciples } from "../domain/principles/queries.server";
import { listPublicThreads } from "../domain/threads/queries.server";
import { ThreadList } from "../components/thread-list";
import { EventList } from "../components/events";
import { listEvents } from "../domain/events/queries.server";
import { translator } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";
import { pageMeta } from "../lib/page-meta";
import { useTranslate } from "../i18n/react";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request, context.actor);
  return {
    locale,
    principles: await listPrinciples(context.db, locale),
    threads: await listPublicThreads(context.db, locale, { limit: 8 }),
    events: await listEvents(context.db, context.actor, locale, { publicOnly: true, limit: 4 }),
    origin: context.origin,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return pageMeta({
    title: t("site.name"),
    description: t("site.description"),
    url: `${data?.origin ?? ""}/`,
    siteName: t("site.name"),
    feeds: [
      { title: t("site.name"), href: "/feed.xml", format: "rss" },
      { title: t("site.name"), href: "/feed.atom", format: "atom" },
    ],
  });
};

export default function Home() {
  const { principles, threads, events } = useLoaderData<typeof loader>();
  const t = useTranslate();
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
      </section>

      {events.length > 0 ? (
        <section aria-labelledby="events-title">
          <h2 id="events-title">{t("home.events")}</h2>
          <EventList events={events} />
          <p>
            <Link to="/e">{t("home.allEvents")}</Link>
          </p>
        </section>
      ) : null}

      {threads.length > 0 ? (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t("home.recent")}</h2>
          <ThreadList threads={threads} showGroup />
          <p>
            <Link to="/g">{t("home.allCircles")}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="facets-title">
        <h2 id="facets-title">{t("home.facets.title")}</h2>
        <ul className="facets">
          <li>
            <strong>{t("home.facets.isGood")}</strong> <span>{t("home.facets.isGood.text")}</span>
          </li>
          <li>
            <strong>{t("home.facets.doesGood")}</strong> <span>{t("home.facets.doesGood.text")}</span>
          </li>
          <li>
            <strong>{t("home.facets.feelsGood")}</strong> <span>{t("home.facets.feelsGood.text")}</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="circles-title">
        <h2 id="circles-title">{t("home.circles.title")}</h2>
        <ul className="circles">
          <li>{t("home.circles.clients")}</li>
          <li>{t("home.circles.groups")}</li>
          <li>{t("home.circles.advisers")}</li>
          <li>{t("home.circles.friends")}</li>
        </ul>
      </section>

      <section aria-labelledby="principles-title" id="principles">
        <h2 id="principles-title">{t("home.principles.title")}</h2>
        <p>{t("home.principles.intro")}</p>
        <PrincipleList principles={principles} />
      </section>
    </div>
  );
}
