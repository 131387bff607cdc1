import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("threads")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("group_id", "uuid", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("pinned", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("locked", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("post_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_posted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_poster_id", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index threads_group_listing_idx on threads (group_id, pinned desc, last_posted_at desc)`.execute(db);
  await db.schema.createIndex("threads_last_posted_idx").on("threads").column("last_posted_at").execute();

  await db.schema
    .createTable("thread_principles")
    .addColumn("thread_id", "bigint", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("principle_slug", "text", (c) => c.notNull().references("principles.slug").onDelete("cascade"))
    .addPrimaryKeyConstraint("thread_principles_pkey", ["thread_id", "principle_slug"])
    .execute();
  await db.schema.createIndex("thread_principles_slug_idx").on("thread_principles").columns(["principle_slug", "thread_id"]).execute();

  await db.schema
    .createTable("posts")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("thread_id", "bigint", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    // Position in the thread, 1 for the opening post: stable anchors (#post-N) and page numbers.
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("author_id", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("body_markdown", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    // A double submit of the same form carries the same key: one post.
    .addColumn("idempotency_key", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("deleted_at", "timestamptz")
    .execute();
  await sql`create unique index posts_thread_number_key on posts (thread_id, number)`.execute(db);
  await sql`create unique index posts_idempotency_key on posts (author_id, idempotency_key) where idempotency_key is not null`.execute(db);
  await db.schema.createIndex("posts_author_idx").on("posts").columns(["author_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("posts").execute();
  await db.schema.dropTable("thread_principles").execute();
  await db.schema.dropTable("threads").execute();
}
