import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // Bumped at every edit; an edit form carries the version it started from.
  await db.schema.alterTable("posts").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .createTable("post_revisions")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("post_id", "bigint", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    // The text as it was before this edit.
    .addColumn("body_markdown", "text", (c) => c.notNull())
    .addColumn("edited_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("post_revisions_post_idx").on("post_revisions").columns(["post_id", "version"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("post_revisions").execute();
  await db.schema.alterTable("posts").dropColumn("version").execute();
}
