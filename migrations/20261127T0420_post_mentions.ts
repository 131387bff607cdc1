import type { Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // Who a post mentions (@username), for notifications.
  await db.schema
    .createTable("post_mentions")
    .addColumn("post_id", "bigint", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("post_mentions_pkey", ["post_id", "member_id"])
    .execute();
  await db.schema.createIndex("post_mentions_member_idx").on("post_mentions").column("member_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("post_mentions").execute();
}
