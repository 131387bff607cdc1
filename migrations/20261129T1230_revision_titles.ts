import type { Kysely } from "kysely";

// Frozen in time: never import app code here.
//
// An edit of a thread's opening post may also change the thread's title and
// tags; its revision then keeps the title and tags as they were before, so
// the history can show what changed. Both stay null on revisions made before
// this migration (the title and tags then are not known).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("post_revisions")
    .addColumn("title", "text")
    // JSON: [{"kind":"principle","slug":"…"} | {"kind":"theme","label":"…"}]
    .addColumn("tags", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("post_revisions").dropColumn("tags").dropColumn("title").execute();
}
