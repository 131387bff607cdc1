import { sql, type RawBuilder } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/index";
import type { Actor } from "../../auth/policy";
import { readableEvents, readableGroups, readablePosts } from "../../auth/readable.server";
import { postPath } from "../threads/schema";

export const RESULTS_PER_PAGE = 20;
/** Matches ranked per part: the most recent ones (see `search`). */
const CANDIDATES = 2000;
const MAX_PAGES = 50;

const dateField = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : ""));

/** The search form (GET): anything odd is dropped rather than refused, so a search page always answers. */
export const searchSchema = z.object({
  q: z
    .string()
    .optional()
    // Control characters (NUL would break the query) become spaces.
    // eslint-disable-next-line no-control-regex
    .transform((v) => (v ?? "").replace(/[\u0000-\u001f]/g, " ").trim().slice(0, 200)),
  type: z
    .enum(["all", "posts", "events", "groups"])
    .optional()
    .catch("all")
    .transform((v) => v ?? "all"),
  group: z
    .string()
    .optional()
    .transform((v) => (v && /^[a-z0-9-]{1,64}$/.test(v) ? v : "")),
  principle: z
    .string()
    .optional()
    .transform((v) => (v && /^[a-z0-9-]{1,64}$/.test(v) ? v : "")),
  author: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().toLowerCase().replace(/^@/, "").slice(0, 30)),
  from: dateField,
  to: dateField,
  sort: z
    .enum(["relevance", "newest"])
    .optional()
    .catch("relevance")
    .transform((v) => v ?? "relevance"),
  page: z
    .string()
    .optional()
    .transform((v) => (v && /^[1-9][0-9]{0,3}$/.test(v) ? Math.min(Number(v), MAX_PAGES) : 1)),
});

export type SearchInput = z.infer<typeof searchSchema>;

export interface SearchHit {
  type: "post" | "event" | "group";
  title: string;
  href: string;
  /** HTML-escaped text with <mark> around the matches. */
  snippet: string;
  context: string;
  at: string;
}

const START = "\u0002";
const STOP = "\u0003";

/** ts_headline's markers become <mark> only after everything else is escaped. */
function markedSnippet(raw: string): string {
  return raw
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(new RegExp(START, "g"), "<mark>")
    .replace(new RegExp(STOP, "g"), "</mark>");
}

const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * ts_headline is super-linear in the text it reads (cubic on `a b a b …` with
 * a phrase query: 1.4 s for 2,000 characters), so snippets come from the
 * bounded form of a text's beginning, and matches are marked with a plain OR
 * of the query's words (phrases and AND make its cover search quadratic).
 */
const SNIPPET_SOURCE = 4000;
const MAX_HIGHLIGHTED_WORDS = 32;

function snippetOf(column: RawBuilder<unknown>, highlight: RawBuilder<unknown>) {
  return sql<string>`coalesce(ts_headline('dutch', search_document(left(${column}, ${SNIPPET_SOURCE})), ${highlight}, ${HEADLINE}), '')`;
}

/** The query's words (Dutch and English stems) as one OR query; quotes and backslashes in a word are escaped. */
function highlightQuery(q: string): RawBuilder<unknown> {
  const words = sql`tsvector_to_array(to_tsvector('dutch', search_document(${q})) || to_tsvector('english', search_document(${q})))`;
  return sql`(select string_agg('''' || replace(replace(word, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery
    from (select word from unnest(${words}) word limit ${MAX_HIGHLIGHTED_WORDS}) words)`;
}

/**
 * Full text search over posts (and thread titles), meetups and circles, in
 * Dutch and English at once ("quoted phrases" and -words work). Visibility is
 * part of every query, so no hit, count or snippet from a circle the reader
 * cannot read ever leaves the database.
 */
export async function search(db: Database, actor: Actor, input: SearchInput): Promise<{ hits: SearchHit[]; total: number; empty: boolean }> {
  // The query goes through the same bounding function as the indexed text
  // (migrations/20261129T0600_bounded_search_text.ts), so both split long runs alike.
  const query = sql`(websearch_to_tsquery('dutch', search_document(${input.q})) || websearch_to_tsquery('english', search_document(${input.q})))`;
  const highlight = highlightQuery(input.q);
  // A query of only operators or stop words matches nothing; say so instead of searching.
  const probe = await sql<{ empty: boolean }>`select numnode(${query}) = 0 as empty`.execute(db);
  if (!input.q || probe.rows[0]?.empty) return { hits: [], total: 0, empty: true };

  const from = input.from ? new Date(`${input.from}T00:00:00Z`) : null;
  const to = input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000) : null;
  const parts: RawBuilder<unknown>[] = [];
  const wants = (type: "posts" | "events" | "groups") => input.type === "all" || input.type === type;

  if (wants("posts")) {
    const filters = sql.join(
      [
        readablePosts(actor),
        input.group ? sql`groups.slug = ${input.group}` : sql`true`,
        input.principle ? sql`exists (select 1 from thread_principles tp where tp.thread_id = threads.id and tp.principle_slug = ${input.principle})` : sql`true`,
        input.author ? sql`exists (select 1 from members a where a.id = posts.author_id and a.username = ${input.author})` : sql`true`,
        from ? sql`posts.created_at >= ${from}` : sql`true`,
        to ? sql`posts.created_at < ${to}` : sql`true`,
      ],
      sql` and `,
    );
    // Posts whose text matches, and opening posts of threads whose title matches (ranked higher).
    // Each part ranks only its most recent CANDIDATES matches: a very common word
    // would otherwise make PostgreSQL read and rank a large share of all posts.
    parts.push(sql`
      select 'post' as type, p.id as id, null::text as key, p.created_at as at,
             ts_rank(p.search, ${query}) + case when p.number = 1 and t.search @@ ${query} then 2 * ts_rank(t.search, ${query}) else 0 end as rank
      from (
        select posts.id from posts join threads on threads.id = posts.thread_id join groups on groups.id = threads.group_id
        where posts.search @@ ${query} and ${filters}
        order by posts.id desc limit ${CANDIDATES}
      ) candidates
      join posts p on p.id = candidates.id join threads t on t.id = p.thread_id`);
    parts.push(sql`
      select 'post' as type, p.id as id, null::text as key, p.created_at as at, 2 * ts_rank(t.search, ${query}) as rank
      from (
        select posts.id from threads join posts on posts.thread_id = threads.id and posts.number = 1 join groups on groups.id = threads.group_id
        where threads.search @@ ${query} and not (posts.search @@ ${query}) and ${filters}
        order by threads.id desc limit ${CANDIDATES}
      ) candidates
      join posts p on p.id = candidates.id join threads t on t.id = p.thread_id`);
  }
  if (wants("events") && !input.author) {
    const filters = sql.join(
      [
        readableEvents(actor),
        input.group ? sql`groups.slug = ${input.group}` : sql`true`,
        input.principle ? sql`exists (select 1 from event_principles ep where ep.event_id = events.id and ep.principle_slug = ${input.principle})` : sql`true`,
        from ? sql`events.starts_at >= ${from}` : sql`true`,
        to ? sql`events.starts_at < ${to}` : sql`true`,
      ],
      sql` and `,
    );
    parts.push(sql`
      select 'event' as type, events.id as id, null::text as key, events.starts_at as at, ts_rank(events.search, ${query}) as rank
      from events left join groups on groups.id = events.group_id
      where events.search @@ ${query} and ${filters}`);
  }
  if (wants("groups") && !input.author && !input.principle && !input.group && !from && !to) {
    parts.push(sql`
      select 'group' as type, null::bigint as id, groups.slug as key, groups.created_at as at, ts_rank(groups.search, ${query}) as rank
      from groups where groups.search @@ ${query} and (${readableGroups(actor)} or groups.listed)`);
  }
  if (parts.length === 0) return { hits: [], total: 0, empty: false };

  const union = sql.join(
    parts.map((part) => sql`(${part})`),
    sql` union all `,
  );
  const order = input.sort === "newest" ? sql`at desc, rank desc` : sql`rank desc, at desc`;
  const offset = (input.page - 1) * RESULTS_PER_PAGE;
  // One pass: the ranking needs every hit anyway, so the count comes with it.
  const page = await sql<{ type: "post" | "event" | "group"; id: string | null; key: string | null; at: Date; rank: number; total: string }>`
    select type, id, key, at, rank, count(*) over () as total from (${union}) all_hits order by ${order} limit ${RESULTS_PER_PAGE} offset ${offset}`.execute(db);
  const total = Number(page.rows[0]?.total ?? 0);

  const hits: SearchHit[] = [];
  const postIds = page.rows.filter((r) => r.type === "post").map((r) => Number(r.id));
  const eventIds = page.rows.filter((r) => r.type === "event").map((r) => Number(r.id));
  const posts = postIds.length
    ? await sql<{ id: string; number: number; thread_id: string; slug: string; title: string; group_name: string; author: string | null; created_at: Date; snippet: string }>`
        select p.id, p.number, t.id as thread_id, t.slug, t.title, g.name as group_name, m.display_name as author, p.created_at,
               ${snippetOf(sql.ref("p.body_markdown"), highlight)} as snippet
        from posts p join threads t on t.id = p.thread_id join groups g on g.id = t.group_id left join members m on m.id = p.author_id
        where p.id in (${sql.join(postIds)})`.execute(db)
    : { rows: [] };
  const events = eventIds.length
    ? await sql<{ id: string; title: string; starts_at: Date; group_name: string | null; snippet: string }>`
        select e.id, e.title, e.starts_at, g.name as group_name,
               ${snippetOf(sql.ref("e.description_markdown"), highlight)} as snippet
        from events e left join groups g on g.id = e.group_id where e.id in (${sql.join(eventIds)})`.execute(db)
    : { rows: [] };
  const groupSlugs = page.rows.filter((r) => r.type === "group").map((r) => r.key!);
  const groupRows = groupSlugs.length
    ? await sql<{ slug: string; name: string; created_at: Date; snippet: string }>`
        select groups.slug, groups.name, groups.created_at, ${snippetOf(sql.ref("groups.description"), highlight)} as snippet
        from groups where groups.slug in (${sql.join(groupSlugs)})`.execute(db)
    : { rows: [] };
  for (const row of page.rows) {
    if (row.type === "post") {
      const p = posts.rows.find((x) => Number(x.id) === Number(row.id));
      if (!p) continue;
      hits.push({
        type: "post",
        title: p.title,
        href: postPath(p.thread_id, p.slug, p.number),
        snippet: markedSnippet(p.snippet),
        context: [p.group_name, p.author].filter(Boolean).join(" · "),
        at: p.created_at.toISOString(),
      });
    } else if (row.type === "event") {
      const e = events.rows.find((x) => Number(x.id) === Number(row.id));
      if (!e) continue;
      hits.push({ type: "event", title: e.title, href: `/e/${e.id}`, snippet: markedSnippet(e.snippet), context: e.group_name ?? "", at: e.starts_at.toISOString() });
    } else {
      const g = groupRows.rows.find((x) => x.slug === row.key);
      if (!g) continue;
      hits.push({ type: "group", title: g.name, href: `/g/${g.slug}`, snippet: markedSnippet(g.snippet), context: "", at: g.created_at.toISOString() });
    }
  }
  return { hits, total, empty: false };
}
