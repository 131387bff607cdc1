import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("email_preferences")
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("frequency", "text", (c) => c.notNull().check(sql`frequency in ('immediately', 'daily', 'weekly', 'never')`))
    .addPrimaryKeyConstraint("email_preferences_pkey", ["member_id", "kind"])
    .execute();

  // One digest per member per period, whatever restarts happen.
  await db.schema
    .createTable("digest_runs")
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("digest_runs_pkey", ["member_id", "period"])
    .execute();

  // Secrets the application signs with (unsubscribe links), made once per database.
  await db.schema
    .createTable("app_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await sql`insert into app_secrets (name, value) values ('unsubscribe', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`.execute(db);

  await db.schema.alterTable("dev_mailbox").addColumn("headers", "text").execute();

  // When (if at all) a notification was considered for email; the sweep claims each once.
  await db.schema.alterTable("notifications").addColumn("emailed_at", "timestamptz").execute();
  await sql`create index notifications_unemailed_idx on notifications (created_at) where emailed_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notifications").dropColumn("emailed_at").execute();
  await db.schema.alterTable("dev_mailbox").dropColumn("headers").execute();
  await db.schema.dropTable("app_secrets").execute();
  await db.schema.dropTable("digest_runs").execute();
  await db.schema.dropTable("email_preferences").execute();
}
