import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
//
// PostgreSQL's text-search parser is quadratic on some long runs of
// characters without a space (`_a_a_a…`, `a_b_…`, `~/~/…`, `1.a_1.a_…`): 32,000
// of them took 10–20 s in to_tsvector and ts_headline, and on the embedded
// database that time is spent inside the app's own process. Everything that
// is indexed, highlighted or searched for now goes through one IMMUTABLE
// function: the first 16,000 characters, with a space after every 32 characters
// that have none. Its cost is linear in the text, and words of ordinary prose
// are left exactly as they were. The search columns stay generated, so every
// write path and every existing row (the columns are rebuilt below) get it.
const MAX_INDEXED = 16_000;
const MAX_RUN = 32;

const both = (expression: string, weight: "A" | "B") =>
  `setweight(to_tsvector('dutch', ${expression}), '${weight}') || setweight(to_tsvector('english', ${expression}), '${weight}')`;

const bounded = {
  posts: both("search_document(body_markdown)", "B"),
  threads: both("search_document(title)", "A"),
  events: `${both("search_document(title)", "A")} || ${both("search_document(description_markdown)", "B")}`,
  groups: `${both("search_document(name)", "A")} || ${both("search_document(description)", "B")}`,
};

const unbounded = {
  posts: both("body_markdown", "B"),
  threads: both("title", "A"),
  events: `${both("title", "A")} || ${both("description_markdown", "B")}`,
  groups: `${both("name", "A")} || ${both("description", "B")}`,
};

async function rebuild(db: Kysely<any>, definitions: Record<string, string>): Promise<void> {
  for (const [table, expression] of Object.entries(definitions)) {
    await sql.raw(`alter table ${table} drop column search`).execute(db);
    await sql.raw(`alter table ${table} add column search tsvector generated always as (${expression}) stored`).execute(db);
    await sql.raw(`create index ${table}_search_idx on ${table} using gin (search)`).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  // pg_catalog spelled out, so a restore under another search_path computes the
  // same columns; no SET clause, so PostgreSQL can inline the function.
  await sql
    .raw(
      `create function search_document(body text) returns text
         language sql immutable strict parallel safe
         return pg_catalog.regexp_replace(pg_catalog.left(body, ${MAX_INDEXED}), '[^ \\t\\n\\r]{${MAX_RUN}}', '\\& ', 'g')`,
    )
    .execute(db);
  await rebuild(db, bounded);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuild(db, unbounded);
  await sql.raw(`drop function search_document(text)`).execute(db);
}
