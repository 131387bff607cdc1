import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
//
// A member's unsent text, one per place: a thread (the reply box) or a circle
// (the new-thread form, with its title and chosen labels in `fields`). Drafts
// go with the account, the thread or the circle.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("drafts")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("thread_id", "bigint", (c) => c.references("threads.id").onDelete("cascade"))
    .addColumn("group_id", "uuid", (c) => c.references("groups.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull().defaultTo("").check(sql`char_length(title) <= 200`))
    .addColumn("body", "text", (c) => c.notNull().defaultTo("").check(sql`char_length(body) <= 32000`))
    .addColumn("fields", "text", (c) => c.notNull().defaultTo("[]").check(sql`char_length(fields) <= 4000`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // Exactly one place: a thread or a circle.
    .addCheckConstraint("drafts_one_place", sql`(thread_id is null) <> (group_id is null)`)
    // One draft per member and place (the other column is null, and nulls never collide).
    .addUniqueConstraint("drafts_member_thread_key", ["member_id", "thread_id"])
    .addUniqueConstraint("drafts_member_group_key", ["member_id", "group_id"])
    .execute();
  await db.schema.createIndex("drafts_member_updated_idx").on("drafts").columns(["member_id", "updated_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("drafts").execute();
}
