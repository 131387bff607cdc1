import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
//
// Files members attach to posts, and their avatars, live in the database
// itself, so every app process and machine sees them and a backup holds them.
// An attachment belongs to its uploader until a post that references it is
// saved; it goes with the post, and with the uploader's account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("attachments")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("uploader_id", "uuid", (col) => col.notNull().references("members.id").onDelete("cascade"))
    .addColumn("post_id", "bigint", (col) => col.references("posts.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull().check(sql`kind in ('image', 'pdf')`))
    .addColumn("file_name", "text", (col) => col.notNull().check(sql`char_length(file_name) between 1 and 120`))
    .addColumn("content_type", "text", (col) => col.notNull())
    .addColumn("byte_size", "integer", (col) => col.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("bytes", "bytea", (col) => col.notNull())
    .addColumn("thumbnail", "bytea")
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // The daily quota sums one member's recent uploads; linking a post finds the uploader's loose files.
  await db.schema.createIndex("attachments_uploader_created").on("attachments").columns(["uploader_id", "created_at"]).execute();
  await db.schema.createIndex("attachments_post").on("attachments").column("post_id").execute();

  await db.schema
    .createTable("member_avatars")
    .addColumn("member_id", "uuid", (col) => col.primaryKey().references("members.id").onDelete("cascade"))
    .addColumn("small", "bytea", (col) => col.notNull())
    .addColumn("medium", "bytea", (col) => col.notNull())
    .addColumn("large", "bytea", (col) => col.notNull())
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // Read with the author data pages already join, so avatars cost no extra query; it names the image's version in its URL.
  await db.schema.alterTable("members").addColumn("avatar_version", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("members").dropColumn("avatar_version").execute();
  await db.schema.dropTable("member_avatars").execute();
  await db.schema.dropTable("attachments").execute();
}
