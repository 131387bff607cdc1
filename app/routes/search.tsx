import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CirclePrincipleFilters } from "../components/circle-principle-filters";
import { UserHtml } from "../components/user-html";
import { listVisibleGroupNames } from "../domain/groups/queries.server";
import { listPrinciples } from "../domain/principles/queries.server";
import { RESULTS_PER_PAGE, search, searchSchema } from "../domain/search/search.server";
import { formatDateTime, translator, type MessageKey } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { Pagination } from "../components/pagination";

/** /search?q=…: a stable, shareable results page that works without JavaScript. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request, context.actor);
  const input = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [groups, principles, results] = await Promise.all([
    listVisibleGroupNames(context.db, context.actor),
    listPrinciples(context.db, locale),
    input.q ? search(context.db, context.actor, input) : Promise.resolve(null),
  ]);
  return { locale, input, groups: groups.map(({ slug, name }) => ({ slug, name })), principles, results };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  const q = data?.input.q;
  return [{ title: `${q ? `${q} · ` : ""}${t("search.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const TYPE_KEYS: Record<"post" | "event" | "group", MessageKey> = { post: "search.type.post", event: "search.type.event", group: "search.type.group" };

export default function Search() {
  const { input, groups, principles, results } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  const pageLink = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...input, page: String(page) }).filter(([, v]) => v !== "" && v !== "all" && v !== "relevance" && v !== "1") as Array<[string, string]>);
    return `/search?${params}`;
  };
  const pages = results ? Math.ceil(results.total / RESULTS_PER_PAGE) : 0;
  return (
    <div>
      <h1>{t("search.title")}</h1>
      <Form method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="search-q">{t("search.query")}</label>
          <input id="search-q" name="q" type="search" defaultValue={input.q} maxLength={200} aria-describedby="search-hint" />
          <p className="field__hint" id="search-hint">
            {t("search.hint")}
          </p>
        </div>
        <details className="search-filters" open={Boolean(input.group || input.principle || input.author || input.from || input.to || input.type !== "all")}>
          <summary>{t("search.filters")}</summary>
          <div className="filters">
            <div className="field">
              <label htmlFor="search-type">{t("search.type")}</label>
              <select id="search-type" name="type" defaultValue={input.type}>
                <option value="all">{t("search.type.all")}</option>
                <option value="posts">{t("search.type.posts")}</option>
                <option value="events">{t("search.type.events")}</option>
                <option value="groups">{t("search.type.groups")}</option>
              </select>
            </div>
            <CirclePrincipleFilters idPrefix="search" groups={groups} principles={principles} group={input.group} principle={input.principle} />
            <div className="field">
              <label htmlFor="search-author">{t("search.author")}</label>
              <input id="search-author" name="author" defaultValue={input.author} maxLength={30} />
            </div>
            <div className="field">
              <label htmlFor="search-from">{t("search.from")}</label>
              <input id="search-from" name="from" type="date" defaultValue={input.from} />
            </div>
            <div className="field">
              <label htmlFor="search-to">{t("search.to")}</label>
              <input id="search-to" name="to" type="date" defaultValue={input.to} />
            </div>
            <div className="field">
              <label htmlFor="search-sort">{t("search.sort")}</label>
              <select id="search-sort" name="sort" defaultValue={input.sort}>
                <option value="relevance">{t("search.sort.relevance")}</option>
                <option value="newest">{t("search.sort.newest")}</option>
              </select>
            </div>
          </div>
        </details>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>

      {results === null ? null : results.empty ? (
        <p className="muted">{t("search.needWords")}</p>
      ) : results.hits.length === 0 ? (
        <p className="muted">{t("search.none", { q: input.q })}</p>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t("search.results", { count: results.total >= 1000 ? "1000+" : results.total })}</h2>
          <ol className="search-results">
            {results.hits.map((hit) => (
              <li key={hit.href} className="search-hit">
                <p className="muted">
                  {t(TYPE_KEYS[hit.type])}
                  {hit.context ? ` · ${hit.context}` : ""} · {formatDateTime(new Date(hit.at), locale, undefined, { dateStyle: "medium" })}
                </p>
                <h3 className="search-hit__title">
                  <Link to={hit.href}>{hit.title}</Link>
                </h3>
                {hit.snippet ? <UserHtml html={hit.snippet} className="search-hit__snippet" /> : null}
              </li>
            ))}
          </ol>
          <Pagination
            label={t("search.pages")}
            page={input.page}
            href={pageLink}
            hasPrevious={pages > 1 && input.page > 1}
            hasNext={input.page < Math.min(pages, 50)}
            previousText={t("search.previous")}
            nextText={t("search.next")}
          />
        </section>
      )}
    </div>
  );
}
