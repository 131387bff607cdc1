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
  /** Uploads (issue 15): set while the member has an avatar; part of its URL. */
  avatar_version: ColumnType<number | null, number | null | undefined, number | null>;
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
  calendar: string | null;
  headers: string | null;
  created_at: CreatedAt;
}

export type GroupRole = "owner" | "moderator" | "member";
export type GroupVisibility = "public" | "private";
export type JoinPolicy = "open" | "request" | "invite";

export interface GroupsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  about_markdown: Generated<string>;
  about_html: Generated<string>;
  colour: Generated<string>;
  visibility: GroupVisibility;
  listed: Generated<boolean>;
  join_policy: JoinPolicy;
  invite_link_hash: string | null;
  created_at: CreatedAt;
  last_activity_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface GroupMembersTable {
  group_id: string;
  member_id: string;
  role: GroupRole;
  joined_at: CreatedAt;
  trusted: Generated<boolean>;
}

export interface GroupBansTable {
  group_id: string;
  member_id: string;
  reason: Generated<string>;
  banned_by: string | null;
  created_at: CreatedAt;
}

export interface GroupJoinRequestsTable {
  id: Generated<string>;
  group_id: string;
  member_id: string;
  message: Generated<string>;
  status: ColumnType<"pending" | "approved" | "declined" | "withdrawn", "pending" | undefined, "approved" | "declined" | "withdrawn">;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface GroupInvitationsTable {
  id: Generated<string>;
  group_id: string;
  email: string;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  group_id: string | null;
  actor_id: string | null;
  action: string;
  target_member_id: string | null;
  target_label: Generated<string>;
  reason: Generated<string>;
  /** The post an entry is about (hide, restore, delete, report decisions). */
  post_id: number | null;
  created_at: CreatedAt;
}

export interface ThreadsTable {
  id: Generated<number>;
  group_id: string;
  author_id: string | null;
  title: string;
  slug: string;
  pinned: Generated<boolean>;
  locked: Generated<boolean>;
  post_count: Generated<number>;
  last_posted_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_poster_id: string | null;
  created_at: CreatedAt;
  hidden_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface ThreadPrinciplesTable {
  thread_id: number;
  principle_slug: string;
}

export interface PostsTable {
  id: Generated<number>;
  thread_id: number;
  number: number;
  author_id: string | null;
  body_markdown: string;
  body_html: string;
  idempotency_key: string | null;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  version: Generated<number>;
  hidden_at: Timestamp | null;
  hidden_reason: string | null;
  hidden_by: string | null;
}

export interface PostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  version: number;
  body_markdown: string;
  edited_by: string | null;
  created_at: CreatedAt;
  /** On an opening post's revision: the thread's title and tags before the edit (null when not recorded). */
  title: ColumnType<string | null, string | null | undefined, string | null>;
  tags: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EventsTable {
  id: Generated<number>;
  group_id: string | null;
  created_by: string | null;
  title: string;
  slug: string;
  description_markdown: Generated<string>;
  description_html: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: Generated<string>;
  place_name: Generated<string>;
  place_address: Generated<string>;
  map_url: string | null;
  online_url: string | null;
  capacity: number | null;
  rsvp_deadline: Timestamp | null;
  thread_id: number | null;
  sequence: Generated<number>;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type RsvpStatus = "going" | "maybe" | "not_going" | "waitlist";

export type WatchLevel = "watching" | "tracking" | "muted";
export type NotificationKind =
  | "reply"
  | "mention"
  | "quote"
  | "reaction"
  | "new_thread"
  | "request_approved"
  | "request_declined"
  | "invitation"
  | "event_promoted"
  | "event_changed"
  | "event_cancelled"
  | "report_decided"
  | "warning";

export type EmailFrequency = "immediately" | "daily" | "weekly" | "never";

/** A member's unsent text for a thread (reply) or a circle (new thread); exactly one of the two is set. */
export interface DraftsTable {
  id: Generated<number>;
  member_id: string;
  thread_id: number | null;
  group_id: string | null;
  title: Generated<string>;
  body: Generated<string>;
  /** The new-thread form's chosen labels as a JSON list of checkbox names (`principle-…`, `tag-…`). */
  fields: Generated<string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Uploads (issue 15): files attached to posts, stored in the database. */
export interface AttachmentsTable {
  id: Generated<number>;
  uploader_id: string;
  post_id: number | null;
  kind: "image" | "pdf";
  file_name: string;
  content_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  bytes: Buffer;
  thumbnail: Buffer | null;
  sha256: string;
  created_at: CreatedAt;
}

export interface MemberAvatarsTable {
  member_id: string;
  small: Buffer;
  medium: Buffer;
  large: Buffer;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DB {
  drafts: DraftsTable;
  attachments: AttachmentsTable;
  member_avatars: MemberAvatarsTable;
  email_preferences: { member_id: string; kind: string; frequency: EmailFrequency };
  digest_runs: { member_id: string; period: string; sent_at: CreatedAt };
  app_secrets: { name: string; value: string };
  notifications: {
    id: Generated<number>;
    member_id: string;
    kind: NotificationKind;
    actor_id: string | null;
    group_id: string | null;
    thread_id: number | null;
    post_id: number | null;
    event_id: number | null;
    count: Generated<number>;
    detail: Generated<string>;
    read_at: Timestamp | null;
    emailed_at: Timestamp | null;
    created_at: CreatedAt;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  thread_watches: { member_id: string; thread_id: number; level: WatchLevel };
  group_watches: { member_id: string; group_id: string; level: WatchLevel };
  principle_watches: { member_id: string; principle_slug: string };
  reports: {
    id: Generated<number>;
    reporter_id: string;
    target_type: "post" | "event";
    post_id: number | null;
    event_id: number | null;
    group_id: string | null;
    reason: "spam" | "rude" | "off_topic" | "other";
    text: Generated<string>;
    status: Generated<"open" | "agreed" | "disagreed" | "dismissed">;
    decided_by: string | null;
    decided_at: Timestamp | null;
    created_at: CreatedAt;
  };
  events: EventsTable;
  event_principles: { event_id: number; principle_slug: string };
  event_rsvps: {
    event_id: number;
    member_id: string;
    status: RsvpStatus;
    note: Generated<string>;
    waitlisted_at: Timestamp | null;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  calendar_feeds: { member_id: string; token_hash: string; created_at: CreatedAt };
  event_reminders_sent: { event_id: number; member_id: string; starts_at: Timestamp; sent_at: CreatedAt };
  threads: ThreadsTable;
  thread_principles: ThreadPrinciplesTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  group_tags: { id: Generated<number>; group_id: string; slug: string; label: string; created_at: CreatedAt };
  thread_tags: { thread_id: number; tag_id: number };
  thread_reads: { member_id: string; thread_id: number; last_read_number: number; updated_at: ColumnType<Date, Date | string | undefined, Date | string> };
  post_mentions: { post_id: number; member_id: string };
  post_reactions: { post_id: number; member_id: string; kind: "agree" | "heart" | "insight" | "thanks"; created_at: CreatedAt };
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_bans: GroupBansTable;
  group_join_requests: GroupJoinRequestsTable;
  group_invitations: GroupInvitationsTable;
  audit_log: AuditLogTable;
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
