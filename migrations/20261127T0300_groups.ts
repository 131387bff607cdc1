import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("groups")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9-]{1,64}$'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("about_markdown", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("about_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("colour", "text", (c) => c.notNull().defaultTo("green"))
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('public', 'private')`))
    // Only meaningful for private groups: shown by name and description in the directory.
    .addColumn("listed", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("join_policy", "text", (c) => c.notNull().check(sql`join_policy in ('open', 'request', 'invite')`))
    // SHA-256 of the shareable invite link's code, when there is one.
    .addColumn("invite_link_hash", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_activity_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index groups_name_lower_key on groups (lower(name))`.execute(db);

  await db.schema
    .createTable("group_members")
    .addColumn("group_id", "uuid", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'moderator', 'member')`))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("group_members_pkey", ["group_id", "member_id"])
    .execute();
  await db.schema.createIndex("group_members_member_idx").on("group_members").column("member_id").execute();

  await db.schema
    .createTable("group_bans")
    .addColumn("group_id", "uuid", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("banned_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("group_bans_pkey", ["group_id", "member_id"])
    .execute();

  await db.schema
    .createTable("group_join_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("group_id", "uuid", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("member_id", "uuid", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'approved', 'declined', 'withdrawn')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decided_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .execute();
  await sql`create unique index group_join_requests_one_pending on group_join_requests (group_id, member_id) where status = 'pending'`.execute(db);

  await db.schema
    .createTable("group_invitations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("group_id", "uuid", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await sql`create unique index group_invitations_one_open on group_invitations (group_id, lower(email)) where accepted_at is null and revoked_at is null`.execute(db);

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("group_id", "uuid", (c) => c.references("groups.id").onDelete("cascade"))
    .addColumn("actor_id", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_member_id", "uuid", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("target_label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("audit_log_group_idx").on("audit_log").columns(["group_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_log", "group_invitations", "group_join_requests", "group_bans", "group_members", "groups"]) {
    await db.schema.dropTable(table).execute();
  }
}
