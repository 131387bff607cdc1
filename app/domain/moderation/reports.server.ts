import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import type { Actor } from "../../auth/policy";
import type { MessageKey } from "../../i18n/nl";
import { multiLineText, singleLineText } from "../../lib/text-input";
import { hostOrTrusted, hostsCircle, readablePosts, readableThreads, readerColumn } from "../../auth/readable.server";
import { recordAudit } from "../audit.server";
import { removeMember } from "../groups/commands.server";
import { notifyMember } from "../notifications/fanout.server";
import { conflict, fieldFailure, missing, type CommandResult, type Failure } from "../result";
import { applyHide } from "../threads/moderation.server";
import { findVisiblePost } from "../threads/posting.server";
import { postPath } from "../threads/schema";
import { commitOrRefuse, inTransaction } from "../transaction.server";
import { cancelEvent, type EventContext } from "../events/commands.server";
import { findVisibleEvent } from "../events/queries.server";

const msg = (key: MessageKey) => key;

export const REPORT_REASONS = ["spam", "rude", "off_topic", "other"] as const;

export const reportSchema = z
  .object({
    postId: z.string().regex(/^[1-9][0-9]{0,15}$/, msg("error.badRequest.text")).transform(Number),
    reason: z.enum(REPORT_REASONS, { errorMap: () => ({ message: msg("validation.report.reason") }) }),
    text: z.preprocess((v) => v ?? "", multiLineText().transform((v) => v.trim()).pipe(z.string().max(1000, msg("validation.report.text")))),
  })
  .refine((r) => r.reason !== "other" || r.text.length > 0, { path: ["text"], message: msg("validation.report.otherNeedsText") });

/** Reporting a meetup: the same reasons; the event comes from the page's address. */
export const eventReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { errorMap: () => ({ message: msg("validation.report.reason") }) }),
    text: z.preprocess((v) => v ?? "", multiLineText().transform((v) => v.trim()).pipe(z.string().max(1000, msg("validation.report.text")))),
  })
  .refine((r) => r.reason !== "other" || r.text.length > 0, { path: ["text"], message: msg("validation.report.otherNeedsText") });

export const eventDecisionSchema = z.object({
  eventId: z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number),
  decision: z.enum(["agree", "disagree", "dismiss"]),
  reason: z.preprocess((v) => v ?? "", singleLineText().transform((v) => v.trim()).pipe(z.string().max(500, msg("validation.reason.length")))),
});

export const decisionSchema = z.object({
  postId: z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number),
  decision: z.enum(["agree", "disagree", "dismiss"]),
  reason: z.preprocess((v) => v ?? "", singleLineText().transform((v) => v.trim()).pipe(z.string().max(500, msg("validation.reason.length")))),
  sanction: z.enum(["none", "warn", "remove"]).optional().default("none"),
});

/**
 * Any member may report a post they can see, once. Reports on the same post
 * collapse into one review item. When enough trusted members (hosts, site
 * admins, members a host marked trusted) report it, it is hidden until a host
 * reviews it.
 */
export async function reportPost(
  handle: Database,
  guardian: Guardian,
  input: { postId: number; reason: (typeof REPORT_REASONS)[number]; text: string },
  hideThreshold: number,
): Promise<CommandResult<{ autoHidden: boolean }>> {
  const post = await findVisiblePost(handle, guardian, input.postId, { readable: true });
  if (!post || post.deleted_at) return missing;
  const reporter = reporterOrFailure(guardian, post.author_id, "reports.ownPost");
  if (reporter.failure) return reporter.failure;
  const inserted = await handle
    .insertInto("reports")
    .values({ reporter_id: reporter.memberId, target_type: "post", post_id: post.id, group_id: post.group_id, reason: input.reason, text: input.text })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return conflict({ formError: "reports.already" });
  let autoHidden = false;
  if (!post.hidden_at) {
    if ((await countTrustedReports(handle, post.id, post.group_id)) >= hideThreshold) {
      await inTransaction(handle, (trx) => applyHide(trx, post, null, "reports.autoHiddenReason"));
      autoHidden = true;
    }
  }
  return { ok: true, autoHidden };
}

/** Open reports on a post by its circle's hosts, trusted members and site admins (`policy.isHostOrTrusted`). */
async function countTrustedReports(db: Database, postId: number, groupId: string): Promise<number> {
  const trusted = await sql<{ n: string }>`
    select count(*) as n from reports
    where reports.post_id = ${postId} and reports.status = 'open' and ${hostOrTrusted(readerColumn("reports.reporter_id"), groupId)}`.execute(db);
  return Number(trusted.rows[0]?.n ?? 0);
}

export interface ReviewItem {
  target: "post" | "event";
  postId: number;
  href: string;
  threadTitle: string;
  groupName: string;
  groupSlug: string;
  author: string | null;
  /** Null when the post was deleted. */
  excerpt: string | null;
  hidden: boolean;
  reports: Array<{ reason: (typeof REPORT_REASONS)[number]; text: string; reporter: string; at: string }>;
}

/**
 * Open reports, one item per post or meetup, on what the actor hosts
 * (`hostsCircle`: a circle's owners and moderators see their circles' items,
 * site admins every item, network meetups included); `groupId` narrows it to
 * one circle. Anyone else gets an empty queue.
 */
export async function reviewQueueFor(db: Database, reviewer: Actor, groupId: string | null): Promise<ReviewItem[]> {
  let query = db
    .selectFrom("reports")
    .innerJoin("posts", "posts.id", "reports.post_id")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .innerJoin("members as reporter", "reporter.id", "reports.reporter_id")
    .leftJoin("members as author", "author.id", "posts.author_id")
    .select([
      "reports.post_id",
      "reports.reason",
      "reports.text",
      "reports.created_at",
      "reporter.display_name as reporter",
      "author.display_name as author",
      "posts.number",
      "posts.body_markdown",
      "posts.hidden_at",
      readablePosts(reviewer).as("readable"),
      "threads.id as thread_id",
      "threads.slug as thread_slug",
      "threads.title as thread_title",
      "groups.name as group_name",
      "groups.slug as group_slug",
    ])
    .where("reports.status", "=", "open")
    .orderBy("reports.created_at")
    .limit(500);
  if (groupId) query = query.where("threads.group_id", "=", groupId);
  query = query.where(hostsCircle(reviewer, "threads.group_id"));
  const postItems = itemsPerTarget(
    await query.execute(),
    (r) => r.post_id!,
    (r) => ({
      target: "post",
      postId: r.post_id!,
      href: postPath(r.thread_id, r.thread_slug, r.number),
      threadTitle: r.thread_title,
      groupName: r.group_name,
      groupSlug: r.group_slug,
      author: r.author,
      // A deleted post stays in the queue (its reports still need a decision), its text goes to nobody.
      excerpt: r.readable ? r.body_markdown.slice(0, 400) : null,
      hidden: r.hidden_at !== null,
    }),
  );
  // Reported meetups: one item per meetup.
  let events = db
    .selectFrom("reports")
    .innerJoin("events", "events.id", "reports.event_id")
    .leftJoin("groups", "groups.id", "events.group_id")
    .innerJoin("members as reporter", "reporter.id", "reports.reporter_id")
    .leftJoin("members as author", "author.id", "events.created_by")
    .select([
      "reports.event_id",
      "reports.reason",
      "reports.text",
      "reports.created_at",
      "reporter.display_name as reporter",
      "author.display_name as author",
      "events.title",
      "events.description_markdown",
      "events.cancelled_at",
      "groups.name as group_name",
      "groups.slug as group_slug",
    ])
    .where("reports.status", "=", "open")
    .orderBy("reports.created_at")
    .limit(500);
  events = groupId ? events.where("events.group_id", "=", groupId) : events;
  if (reviewer) events = events.where(hostsCircle(reviewer, "events.group_id"));
  const eventItems = itemsPerTarget(
    await events.execute(),
    (r) => r.event_id!,
    (r) => ({
      target: "event",
      postId: r.event_id!,
      href: `/e/${r.event_id}`,
      threadTitle: r.title,
      groupName: r.group_name ?? "",
      groupSlug: r.group_slug ?? "",
      author: r.author,
      excerpt: r.description_markdown.slice(0, 400),
      hidden: r.cancelled_at !== null,
    }),
  );
  return [...postItems, ...eventItems];
}

/** Report rows (oldest first) gathered into one review item per reported post or meetup. */
function itemsPerTarget<R extends { reason: ReviewItem["reports"][number]["reason"]; text: string; reporter: string; created_at: Date }>(
  rows: R[],
  targetOf: (row: R) => number,
  itemOf: (row: R) => Omit<ReviewItem, "reports">,
): ReviewItem[] {
  const items = new Map<number, ReviewItem>();
  for (const row of rows) {
    const target = targetOf(row);
    const item = items.get(target) ?? { ...itemOf(row), reports: [] };
    item.reports.push({ reason: row.reason, text: row.text, reporter: row.reporter, at: row.created_at.toISOString() });
    items.set(target, item);
  }
  return [...items.values()];
}

/** Any member may report a meetup they can see (not their own), once. */
export async function reportEvent(
  handle: Database,
  guardian: Guardian,
  eventId: number,
  input: { reason: (typeof REPORT_REASONS)[number]; text: string },
): Promise<CommandResult> {
  const event = await findVisibleEvent(handle, guardian.actor, eventId);
  if (!event) return missing;
  const reporter = reporterOrFailure(guardian, event.created_by, "reports.ownEvent");
  if (reporter.failure) return reporter.failure;
  const inserted = await handle
    .insertInto("reports")
    .values({ reporter_id: reporter.memberId, target_type: "event", event_id: event.id, group_id: event.group_id, reason: input.reason, text: input.text })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return conflict({ formError: "reports.alreadyEvent" });
  return { ok: true };
}

/** Agreeing with reports on a meetup cancels it with the reason (everyone who answered is told); the reporters hear the outcome. */
export async function decideEventReports(
  handle: Database,
  ctx: EventContext,
  guardian: Guardian,
  input: { eventId: number; decision: "agree" | "disagree" | "dismiss"; reason: string },
): Promise<CommandResult> {
  const asked = guardian.using(handle);
  const { found: event, member: actor, failure } = await asked.permit(await findVisibleEvent(handle, asked.actor, input.eventId), (found) =>
    asked.canManageEvents(found.group_id),
  );
  if (failure) return failure;
  const open = await openReports(handle, { event_id: event.id }, input);
  if (!Array.isArray(open)) return open;
  return commitOrRefuse(handle, async (trx) => {
    if (input.decision === "agree") {
      const cancelled = await cancelEvent(trx, ctx, asked, event.id, input.reason);
      if (!cancelled.ok) return cancelled;
    }
    const status = decided(input.decision);
    await trx.updateTable("reports").set({ status, decided_by: actor.id, decided_at: new Date() }).where("event_id", "=", event.id).where("status", "=", "open").execute();
    if (event.group_id) {
      await recordAudit(trx, { groupId: event.group_id, actorId: actor.id, action: `report.${input.decision}`, targetLabel: event.title, reason: input.reason });
    }
    for (const report of open) {
      await notifyMember(trx, { memberId: report.reporter_id, kind: "report_decided", actorId: actor.id, groupId: event.group_id, eventId: event.id, detail: status });
    }
    return { ok: true };
  });
}

/**
 * A host decides on a reported post: agree (hide it, optionally warn or
 * remove the author from the circle), disagree (it stays or comes back), or
 * dismiss. Every report on the post is closed and every reporter told.
 */
export async function decideReports(
  handle: Database,
  guardian: Guardian,
  input: { postId: number; decision: "agree" | "disagree" | "dismiss"; reason: string; sanction: "none" | "warn" | "remove" },
): Promise<CommandResult> {
  const asked = guardian.using(handle);
  const { found: post, member: actor, failure } = await asked.permit(await findVisiblePost(handle, asked, input.postId), (found) => asked.canModerate(found.group_id));
  if (failure) return failure;
  const open = await openReports(handle, { post_id: post.id }, input);
  if (!Array.isArray(open)) return open;
  const status = decided(input.decision);
  return commitOrRefuse(handle, async (trx): Promise<CommandResult> => {
    if (input.decision === "agree" && !post.hidden_at) await applyHide(trx, post, actor.id, input.reason);
    if (input.decision === "agree" && post.hidden_at && post.hidden_by === null) {
      // Hidden by reports: now with the host's reason.
      await trx.updateTable("posts").set({ hidden_reason: input.reason, hidden_by: actor.id }).where("id", "=", post.id).execute();
    }
    if (input.decision === "disagree" && post.hidden_at && post.hidden_by === null) {
      await trx.updateTable("posts").set({ hidden_at: null, hidden_reason: null }).where("id", "=", post.id).execute();
      if (post.number === 1) await trx.updateTable("threads").set({ hidden_at: null }).where("id", "=", post.thread_id).execute();
    }
    await trx
      .updateTable("reports")
      .set({ status, decided_by: actor.id, decided_at: new Date() })
      .where("post_id", "=", post.id)
      .where("status", "=", "open")
      .execute();
    await recordAudit(trx, {
      groupId: post.group_id,
      actorId: actor.id,
      action: `report.${input.decision}`,
      targetMemberId: post.author_id,
      postId: post.id,
      targetLabel: `${post.thread_title} #${post.number}`,
      reason: input.reason,
    });
    for (const report of open) {
      await notifyMember(trx, { memberId: report.reporter_id, kind: "report_decided", actorId: actor.id, groupId: post.group_id, threadId: post.thread_id, postId: post.id, detail: status });
    }
    if (input.decision === "agree" && input.sanction === "warn" && post.author_id) {
      await notifyMember(trx, { memberId: post.author_id, kind: "warning", actorId: actor.id, groupId: post.group_id, threadId: post.thread_id, postId: post.id, detail: input.reason });
    }
    if (input.decision === "agree" && input.sanction === "remove" && post.author_id) {
      const removed = await removeMember(trx, asked, post.group_id, post.author_id, { ban: false, reason: input.reason });
      if (!removed.ok && removed.status !== 404) return removed;
    }
    return { ok: true };
  });
}

/** Reporting needs a confirmed address, and never one's own post or meetup. */
function reporterOrFailure(guardian: Guardian, authorId: string | null, own: MessageKey): { memberId: string; failure?: undefined } | { failure: Failure } {
  const { member, failure } = guardian.contributorOrFailure();
  if (failure) return { failure };
  return authorId === member.id ? { failure: conflict({ formError: own }) } : { memberId: member.id };
}

/** The open reports on a post or meetup to decide, or why there is nothing to decide. */
async function openReports(handle: Database, target: { post_id: number } | { event_id: number }, input: { decision: string; reason: string }) {
  if (input.decision === "agree" && input.reason.length === 0) return fieldFailure("reason", "validation.reason.required");
  let query = handle.selectFrom("reports").select(["id", "reporter_id"]).where("status", "=", "open");
  query = "post_id" in target ? query.where("post_id", "=", target.post_id) : query.where("event_id", "=", target.event_id);
  const open = await query.execute();
  return open.length === 0 ? conflict({ formError: "reports.alreadyDecided" }) : open;
}

const decided = (decision: "agree" | "disagree" | "dismiss") => (decision === "agree" ? "agreed" : decision === "disagree" ? "disagreed" : "dismissed");

/**
 * What a public circle hid and why: dates and reasons, no content and no names
 * of reporters; the thread's title only while the viewer may read that thread
 * (a hidden opening post hides its thread; entries that name no post show none).
 */
export async function publicModerationLog(db: Database, viewer: Actor, groupId: string) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("posts", "posts.id", "audit_log.post_id")
    .leftJoin("threads", "threads.id", "posts.thread_id")
    .leftJoin("groups", "groups.id", "threads.group_id")
    .select(["audit_log.action", "audit_log.reason", "audit_log.created_at", sql<string | null>`case when ${readableThreads(viewer)} then threads.title end`.as("title")])
    .where("audit_log.group_id", "=", groupId)
    .where("audit_log.action", "in", ["post.hide", "post.autoHide", "post.restore", "report.agree"])
    .orderBy("audit_log.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({ action: r.action, what: r.title, reason: r.reason, at: r.created_at.toISOString() }));
}
