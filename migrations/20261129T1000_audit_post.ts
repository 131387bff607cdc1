import type { Kysely } from "kysely";

// Frozen in time: never import app code here.
//
// Audit entries about a post name it, so the circle's public moderation log
// can show a thread's title only to those who may read that thread.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("audit_log")
    .addColumn("post_id", "integer", (col) => col.references("posts.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("audit_log").dropColumn("post_id").execute();
}
