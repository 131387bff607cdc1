import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // A host hides a post with a reason; the author and hosts still see it, marked.
  await db.schema
    .alterTable("posts")
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text")
    .addColumn("hidden_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .execute();
  // Mirrors of the opening post, so lists filter without a join:
  // hiding the opening post hides the thread, deleting it deletes the thread.
  await db.schema.alterTable("threads").addColumn("hidden_at", "timestamptz").addColumn("deleted_at", "timestamptz").execute();

  // A group's own theme tags, managed by its hosts; threads carry up to five tags in all.
  await db.schema
    .createTable("group_tags")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("group_id", "uuid", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("group_tags_group_slug_key", ["group_id", "slug"])
    .execute();
  await db.schema
    .createTable("thread_tags")
    .addColumn("thread_id", "bigint", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("tag_id", "bigint", (c) => c.notNull().references("group_tags.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("thread_tags_pkey", ["thread_id", "tag_id"])
    .execute();
  await db.schema.createIndex("thread_tags_tag_idx").on("thread_tags").columns(["tag_id", "thread_id"]).execute();

  // How far each member has read each thread (by post number).
  await db.schema
    .createTable("thread_reads")
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("thread_id", "bigint", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("last_read_number", "integer", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("thread_reads_pkey", ["member_id", "thread_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("thread_reads").execute();
  await db.schema.dropTable("thread_tags").execute();
  await db.schema.dropTable("group_tags").execute();
  await db.schema.alterTable("threads").dropColumn("hidden_at").dropColumn("deleted_at").execute();
  await db.schema.alterTable("posts").dropColumn("hidden_at").dropColumn("hidden_reason").dropColumn("hidden_by").execute();
}
