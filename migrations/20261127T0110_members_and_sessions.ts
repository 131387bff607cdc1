import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("members")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Stored NFKC-normalised and lower-cased, so uniqueness ignores case.
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("email_verified_at", "timestamptz")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("site_role", "text", (c) =>
      c.notNull().defaultTo("member").check(sql`site_role in ('member', 'admin')`),
    )
    .addColumn("locale", "text", (c) => c.check(sql`locale in ('nl', 'en')`))
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("Europe/Amsterdam"))
    .addColumn("bio_markdown", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("bio_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("suspended_until", "timestamptz")
    .addColumn("suspension_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index members_email_lower_key on members (lower(email))`.execute(db);

  await db.schema
    .createTable("sessions")
    // The SHA-256 (hex) of the cookie token; the token itself is never stored.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("absolute_expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_agent", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ip_address", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("sessions_member_id_idx").on("sessions").column("member_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("members").execute();
}
