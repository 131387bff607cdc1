import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
// Full text search in Dutch and English at once: each text is indexed with
// both stemmers (werken → werk, connections → connect), queries likewise.
export async function up(db: Kysely<any>): Promise<void> {
  const both = (expression: string, weight: "A" | "B") =>
    `setweight(to_tsvector('dutch', ${expression}), '${weight}') || setweight(to_tsvector('english', ${expression}), '${weight}')`;
  await sql.raw(`alter table posts add column search tsvector generated always as (${both("body_markdown", "B")}) stored`).execute(db);
  await sql.raw(`alter table threads add column search tsvector generated always as (${both("title", "A")}) stored`).execute(db);
  await sql
    .raw(`alter table events add column search tsvector generated always as (${both("title", "A")} || ${both("description_markdown", "B")}) stored`)
    .execute(db);
  await sql.raw(`alter table groups add column search tsvector generated always as (${both("name", "A")} || ${both("description", "B")}) stored`).execute(db);
  for (const table of ["posts", "threads", "events", "groups"]) {
    await sql.raw(`create index ${table}_search_idx on ${table} using gin (search)`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["posts", "threads", "events", "groups"]) {
    await sql.raw(`alter table ${table} drop column search`).execute(db);
  }
}
