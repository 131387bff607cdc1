import type { Migration } from "kysely";
import * as membersAndSessions from "./20261127T0110_members_and_sessions";
import * as principles from "./20261127T0120_principles";
import * as accountTokens from "./20261127T0200_account_tokens_rate_limits_mailbox";
import * as groups from "./20261127T0300_groups";
import * as threadsAndPosts from "./20261127T0400_threads_and_posts";
import * as postRevisions from "./20261127T0410_post_revisions";
import * as postMentions from "./20261127T0420_post_mentions";
import * as postReactions from "./20261127T0430_post_reactions";
import * as moderationTagsReading from "./20261127T0440_moderation_tags_reading";
import * as events from "./20261127T0500_events";
import * as notificationsAndReports from "./20261127T0600_notifications_and_reports";
import * as emailPreferences from "./20261127T0610_email_preferences";
import * as search from "./20261127T0700_search";
import * as boundedSearchText from "./20261129T0600_bounded_search_text";
import * as auditPost from "./20261129T1000_audit_post";
import * as drafts from "./20261129T1210_drafts";
import * as attachments from "./20261129T1220_attachments";
import * as revisionTitles from "./20261129T1230_revision_titles";

/**
 * Every migration, by name. Listed statically (not read from the folder at
 * run time) so the bundled server carries them; a test checks that each file
 * in this folder appears here.
 */
export const migrations: Record<string, Migration> = {
  "20261127T0110_members_and_sessions": membersAndSessions,
  "20261127T0120_principles": principles,
  "20261127T0200_account_tokens_rate_limits_mailbox": accountTokens,
  "20261127T0300_groups": groups,
  "20261127T0400_threads_and_posts": threadsAndPosts,
  "20261127T0410_post_revisions": postRevisions,
  "20261127T0420_post_mentions": postMentions,
  "20261127T0430_post_reactions": postReactions,
  "20261127T0440_moderation_tags_reading": moderationTagsReading,
  "20261127T0500_events": events,
  "20261127T0600_notifications_and_reports": notificationsAndReports,
  "20261127T0610_email_preferences": emailPreferences,
  "20261127T0700_search": search,
  "20261129T0600_bounded_search_text": boundedSearchText,
  "20261129T1000_audit_post": auditPost,
  "20261129T1210_drafts": drafts,
  "20261129T1220_attachments": attachments,
  "20261129T1230_revision_titles": revisionTitles,
};
