import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    // Null: an event of the whole network (site admins).
    .addColumn("group_id", "uuid", (c) => c.references("groups.id").onDelete("cascade"))
    .addColumn("created_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("description_markdown", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description_html", "text", (c) => c.notNull().defaultTo(""))
    // An instant plus the IANA zone it is planned in.
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("Europe/Amsterdam"))
    .addColumn("place_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("place_address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("map_url", "text")
    .addColumn("online_url", "text")
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity is null or capacity between 1 and 100000`))
    .addColumn("rsvp_deadline", "timestamptz")
    .addColumn("thread_id", "bigint", (c) => c.references("threads.id").onDelete("set null"))
    // Raised on every change; the .ics SEQUENCE.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("events_end_after_start", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("events_starts_idx").on("events").column("starts_at").execute();
  await db.schema.createIndex("events_group_starts_idx").on("events").columns(["group_id", "starts_at"]).execute();

  await db.schema
    .createTable("event_principles")
    .addColumn("event_id", "bigint", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("principle_slug", "text", (c) => c.notNull().references("principles.slug").onDelete("cascade"))
    .addPrimaryKeyConstraint("event_principles_pkey", ["event_id", "principle_slug"])
    .execute();

  await db.schema
    .createTable("event_rsvps")
    .addColumn("event_id", "bigint", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('going', 'maybe', 'not_going', 'waitlist')`))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    // Place in the queue: first come, first served.
    .addColumn("waitlisted_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("event_rsvps_pkey", ["event_id", "member_id"])
    .execute();
  await db.schema.createIndex("event_rsvps_status_idx").on("event_rsvps").columns(["event_id", "status", "waitlisted_at"]).execute();
  await db.schema.createIndex("event_rsvps_member_idx").on("event_rsvps").columns(["member_id", "status"]).execute();

  // The secret address of a member's own calendar feed (stored hashed; revocable).
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("member_id", "uuid", (c) => c.primaryKey().references("members.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The dev mailbox keeps an email's calendar attachment too.
  await db.schema.alterTable("dev_mailbox").addColumn("calendar", "text").execute();

  // One reminder per person per event version, whatever restarts happen.
  await db.schema
    .createTable("event_reminders_sent")
    .addColumn("event_id", "bigint", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("event_reminders_sent_pkey", ["event_id", "member_id", "starts_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("event_reminders_sent").execute();
  await db.schema.alterTable("dev_mailbox").dropColumn("calendar").execute();
  await db.schema.dropTable("calendar_feeds").execute();
  await db.schema.dropTable("event_rsvps").execute();
  await db.schema.dropTable("event_principles").execute();
  await db.schema.dropTable("events").execute();
}
