import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormMessage } from "../components/form-fields";
import { watchPrinciple } from "../domain/notifications/commands.server";
import { formFailure, readForm, respondToFailure } from "../lib/http.server";
import { pageMeta } from "../lib/page-meta";
import { loadPrinciplePage } from "../domain/principles/page.server";
import { slugSchema } from "../domain/principles/schema";
import { ThreadList } from "../components/thread-list";
import { EventList } from "../components/events";
import { translator } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";
import { useTranslate } from "../i18n/react";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not Found", { status: 404 });
  const locale = requestLocale(request, context.actor);
  const page = await loadPrinciplePage(context.db, context.guardian, locale, slug.data);
  if (!page) throw new Response("Not Found", { status: 404 });
  return { locale, ...page, origin: context.origin };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return pageMeta({
    title: `${data.principle.label} · ${t("site.name")}`,
    description: data.principle.description,
    url: `${data.origin}/p/${data.principle.slug}`,
    siteName: t("site.name"),
    feeds: [
      { title: data.principle.label, href: `/p/${data.principle.slug}/feed.xml`, format: "rss" },
      { title: data.principle.label, href: `/p/${data.principle.slug}/feed.atom`, format: "atom" },
    ],
  });
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not Found", { status: 404 });
  const values = await readForm(request);
  if (values.intent !== "watch" && values.intent !== "unwatch") return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  const result = await watchPrinciple(context.db, context.guardian, slug.data, values.intent === "watch");
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/p/${slug.data}?watch=saved`);
}

export default function PrinciplePage() {
  const { principle, others, threads, events, watching } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const [searchParams] = useSearchParams();
  return (
    <article className="principle">
      <p className="breadcrumb">
        <Link to="/p">{t("principle.allPrinciples")}</Link>
      </p>
      <h1>{principle.label}</h1>
      <p className="lead">{principle.description}</p>
      {searchParams.get("watch") === "saved" ? <FormMessage kind="success">{t("watch.saved")}</FormMessage> : null}
      {watching !== null ? (
        <Form method="post" className="watch-form">
          {watching ? <p>{t("watch.principle.active")}</p> : null}
          <button type="submit" name="intent" value={watching ? "unwatch" : "watch"} className="button button--secondary">
            {t(watching ? "watch.principle.off" : "watch.principle.on")}
          </button>
        </Form>
      ) : null}
      {events.length > 0 ? (
        <section aria-labelledby="events-title">
          <h2 id="events-title">{t("principle.events")}</h2>
          <EventList events={events} />
        </section>
      ) : null}
      <section aria-labelledby="threads-title">
        <h2 id="threads-title">{t("principle.threads")}</h2>
        {threads.length === 0 ? <p className="muted">{t("threads.none")}</p> : <ThreadList threads={threads} showGroup />}
      </section>
      <section aria-labelledby="others-title">
        <h2 id="others-title">{t("principle.others")}</h2>
        <ul>
          {others.map((other) => (
            <li key={other.slug}>
              <Link to={`/p/${other.slug}`}>{other.label}</Link>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
