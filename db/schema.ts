import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** Database types; update together with every migration. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface MembersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string;
  email_verified_at: Timestamp | null;
  password_hash: string;
  site_role: ColumnType<"member" | "admin", "member" | "admin" | undefined>;
  locale: "nl" | "en" | null;
  time_zone: Generated<string>;
  bio_markdown: Generated<string>;
  bio_html: Generated<string>;
  suspended_until: Timestamp | null;
  suspension_reason: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  member_id: string;
  expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  user_agent: Generated<string>;
  ip_address: Generated<string>;
}

export interface PrinciplesTable {
  slug: string;
  position: number;
  label_nl: string;
  label_en: string;
  description_nl: string;
  description_en: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AccountTokensTable {
  id: string;
  member_id: string;
  purpose: "verify-email" | "reset-password" | "change-email";
  email: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface DevMailboxTable {
  id: Generated<number>;
  delivery_key: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
}

export interface DB {
  account_tokens: AccountTokensTable;
  rate_limits: RateLimitsTable;
  dev_mailbox: DevMailboxTable;
  members: MembersTable;
  sessions: SessionsTable;
  principles: PrinciplesTable;
}

export type Member = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type Principle = Selectable<PrinciplesTable>;
