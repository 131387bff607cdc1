import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("group_id", "uuid", (c) => c.references("groups.id").onDelete("cascade"))
    .addColumn("thread_id", "bigint", (c) => c.references("threads.id").onDelete("cascade"))
    .addColumn("post_id", "bigint", (c) => c.references("posts.id").onDelete("cascade"))
    .addColumn("event_id", "bigint", (c) => c.references("events.id").onDelete("cascade"))
    // Batched reactions count here; a decided report keeps its outcome here.
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("detail", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index notifications_member_idx on notifications (member_id, updated_at desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (member_id) where read_at is null`.execute(db);

  for (const [table, column, type] of [
    ["thread_watches", "thread_id", "bigint"],
    ["group_watches", "group_id", "uuid"],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn(column, type, (c) => c.notNull().references(`${column === "thread_id" ? "threads" : "groups"}.id`).onDelete("cascade"))
      .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('watching', 'tracking', 'muted')`))
      .addPrimaryKeyConstraint(`${table}_pkey`, ["member_id", column])
      .execute();
    await db.schema.createIndex(`${table}_target_idx`).on(table).columns([column, "level"]).execute();
  }
  await db.schema
    .createTable("principle_watches")
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("principle_slug", "text", (c) => c.notNull().references("principles.slug").onDelete("cascade"))
    .addPrimaryKeyConstraint("principle_watches_pkey", ["member_id", "principle_slug"])
    .execute();

  await db.schema
    .createTable("reports")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("reporter_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("target_type", "text", (c) => c.notNull().check(sql`target_type in ('post', 'event')`))
    .addColumn("post_id", "bigint", (c) => c.references("posts.id").onDelete("cascade"))
    .addColumn("event_id", "bigint", (c) => c.references("events.id").onDelete("cascade"))
    .addColumn("group_id", "uuid", (c) => c.references("groups.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull().check(sql`reason in ('spam', 'rude', 'off_topic', 'other')`))
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'agreed', 'disagreed', 'dismissed')`))
    .addColumn("decided_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Reporting the same thing twice is one report.
  await sql`create unique index reports_once_per_post on reports (reporter_id, post_id) where post_id is not null`.execute(db);
  await sql`create unique index reports_once_per_event on reports (reporter_id, event_id) where event_id is not null`.execute(db);
  await sql`create index reports_open_idx on reports (group_id, status, created_at)`.execute(db);

  // Hosts vouch for members of their circle: no new-member limits there, and their reports weigh.
  await db.schema.alterTable("group_members").addColumn("trusted", "boolean", (c) => c.notNull().defaultTo(false)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("group_members").dropColumn("trusted").execute();
  await db.schema.dropTable("reports").execute();
  await db.schema.dropTable("principle_watches").execute();
  await db.schema.dropTable("group_watches").execute();
  await db.schema.dropTable("thread_watches").execute();
  await db.schema.dropTable("notifications").execute();
}
