import { sql } from "kysely";
import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { findVisibleGroup } from "../groups/queries.server";
import { findVisibleThread, quotePost } from "../threads/queries.server";
import { conflict, forbidden, invalid, missing, type CommandResult } from "../result";
import { commitOrRefuse } from "../transaction.server";
import { fieldErrorsOf } from "../accounts/schema";
import { draftSchema, MAX_DRAFTS, withQuote } from "./schema";

/** Where a draft belongs: the reply box of a thread, or the new-thread form of a circle. */
export type DraftPlace = { threadId: number } | { groupId: string };

export interface DraftInput {
  body: string;
  title?: string;
  /** Ticked label checkboxes of the new-thread form. */
  labels?: string[];
}

export interface Draft {
  body: string;
  title: string;
  labels: string[];
  updatedAt: string;
}

function placeColumns(place: DraftPlace) {
  return "threadId" in place ? { thread_id: place.threadId, group_id: null } : { thread_id: null, group_id: place.groupId };
}

/**
 * The place a save names in its form fields (`threadId`, or the circle's
 * `group` slug), or null when the fields name none or a circle the member
 * cannot see (missing either way).
 */
export async function draftPlaceFrom(handle: Database, guardian: Guardian, fields: Record<string, string>): Promise<DraftPlace | null> {
  if (fields.threadId !== undefined) return /^[1-9][0-9]{0,15}$/.test(fields.threadId) ? { threadId: Number(fields.threadId) } : null;
  const slug = fields.group ?? "";
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  const found = await findVisibleGroup(handle, guardian.actor, slug);
  if (!found) return null;
  guardian.remember(found.group.id, found.standing);
  return { groupId: found.group.id };
}

/** Whether the member may still write at this place: reply to the thread, or start a thread in the circle (missing when they cannot see it). */
async function mayWriteAt(handle: Database, guardian: Guardian, place: DraftPlace): Promise<CommandResult> {
  if ("threadId" in place) {
    const thread = await findVisibleThread(handle, guardian.actor, place.threadId, { readable: true });
    if (!thread) return missing;
    const allowed = await guardian.canReply({ groupId: thread.group_id, locked: thread.locked, hidden: thread.hidden_at !== null, deleted: thread.deleted_at !== null });
    return allowed ? { ok: true } : forbidden();
  }
  if (!(await guardian.seesGroup(place.groupId))) return missing;
  return (await guardian.canStartThread(place.groupId)) ? { ok: true } : forbidden();
}

/**
 * Saves the member's draft for a place (the last save wins), or deletes it
 * when nothing is typed. Refused: text over the posting limits, a place the
 * member may no longer write at, and a draft beyond the first `MAX_DRAFTS`.
 */
export async function saveDraft(handle: Database, guardian: Guardian, place: DraftPlace, input: DraftInput): Promise<CommandResult<{ saved: boolean; updatedAt: string | null }>> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  const parsed = draftSchema.safeParse({ body: input.body, title: input.title ?? "" });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return invalid({ fieldErrors, formError: "drafts.notSaved" }, Object.values(fieldErrors).includes("validation.invalidCharacters") ? 422 : 400);
  }
  const allowed = await mayWriteAt(handle, guardian, place);
  if (!allowed.ok) return allowed;
  const { body, title } = parsed.data;
  const labels = input.labels ?? [];
  if (body.trim() === "" && title.trim() === "") {
    await deleteDraft(handle, guardian, place);
    return { ok: true, saved: false, updatedAt: null };
  }
  const columns = placeColumns(place);
  return commitOrRefuse(handle, async (trx) => {
    // The member's row is the lock that keeps two saves from both taking the last free place.
    await trx.selectFrom("members").select("id").where("id", "=", member.id).forUpdate().execute();
    const others = await trx
      .selectFrom("drafts")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("member_id", "=", member.id)
      .where((eb) =>
        "threadId" in place
          ? eb.or([eb("thread_id", "is", null), eb("thread_id", "!=", place.threadId)])
          : eb.or([eb("group_id", "is", null), eb("group_id", "!=", place.groupId)]),
      )
      .executeTakeFirstOrThrow();
    if (Number(others.count) >= MAX_DRAFTS) return conflict({ formError: "drafts.tooMany" });
    const values = { member_id: member.id, ...columns, body, title, fields: JSON.stringify(labels), updated_at: sql<Date>`now()` };
    const row = await trx
      .insertInto("drafts")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["member_id", "threadId" in place ? "thread_id" : "group_id"]).doUpdateSet({ body, title, fields: JSON.stringify(labels), updated_at: sql<Date>`now()` }),
      )
      .returning("updated_at")
      .executeTakeFirstOrThrow();
    return { ok: true as const, saved: true, updatedAt: new Date(row.updated_at).toISOString() };
  });
}

/** The member's draft for a place they may still read, or null (another member's never). */
export async function loadDraft(handle: Database, guardian: Guardian, place: DraftPlace): Promise<Draft | null> {
  const memberId = guardian.memberId;
  if (!memberId) return null;
  const row = await readableDrafts(handle, guardian, memberId)
    .select(["drafts.body", "drafts.title", "drafts.fields", "drafts.updated_at"])
    .where((eb) => ("threadId" in place ? eb("drafts.thread_id", "=", place.threadId) : eb("drafts.group_id", "=", place.groupId)))
    .executeTakeFirst();
  return row ? { body: row.body, title: row.title, labels: labelsOf(row.fields), updatedAt: new Date(row.updated_at).toISOString() } : null;
}

/** Deletes the member's draft for a place (after posting, or when emptied). */
export async function deleteDraft(handle: Database, guardian: Guardian, place: DraftPlace): Promise<void> {
  const memberId = guardian.memberId;
  if (!memberId) return;
  await handle
    .deleteFrom("drafts")
    .where("member_id", "=", memberId)
    .where((eb) => ("threadId" in place ? eb("thread_id", "=", place.threadId) : eb("group_id", "=", place.groupId)))
    .execute();
}

/** Deletes one of the member's own drafts by id (the delete button on `/drafts`); another member's is missing. */
export async function deleteDraftById(handle: Database, guardian: Guardian, draftId: number): Promise<CommandResult> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  const deleted = await handle.deleteFrom("drafts").where("id", "=", draftId).where("member_id", "=", member.id).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0 ? { ok: true } : missing;
}

/**
 * Saves what was typed in the reply box with a quote of a post appended (the
 * quote button without JavaScript). Only a post of this thread that the
 * member may read (`quotePost`); otherwise the typed text alone is saved.
 */
export async function saveDraftWithQuote(handle: Database, guardian: Guardian, threadId: number, typed: string, postId: number | null) {
  const quote = postId === null ? null : await quotePost(handle, guardian.actor, threadId, postId);
  return saveDraft(handle, guardian, { threadId }, { body: quote ? withQuote(typed, quote) : typed });
}

/** The member's drafts whose thread or circle they may still read, newest first (the `/drafts` page). */
export async function listDrafts(handle: Database, guardian: Guardian) {
  const memberId = guardian.memberId;
  if (!memberId) return [];
  const rows = await readableDrafts(handle, guardian, memberId)
    .select([
      "drafts.id",
      "drafts.body",
      "drafts.title",
      "drafts.updated_at",
      "drafts.thread_id",
      "threads.slug as thread_slug",
      "threads.title as thread_title",
      "groups.slug as group_slug",
      "groups.name as group_name",
    ])
    .orderBy("drafts.updated_at", "desc")
    .orderBy("drafts.id", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    href: row.thread_id !== null ? `/t/${row.thread_id}/${row.thread_slug}#reply` : `/g/${row.group_slug}/new`,
    threadTitle: row.thread_id !== null ? row.thread_title : null,
    groupName: row.group_name,
    title: row.title,
    excerpt: plainExcerpt(row.body),
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/** Every draft of a member, for their data export (their own words, whatever became of the place). */
export async function exportDrafts(handle: Database, memberId: string) {
  const rows = await handle
    .selectFrom("drafts")
    .select(["thread_id", "group_id", "title", "body", "fields", "updated_at"])
    .where("member_id", "=", memberId)
    .orderBy("updated_at", "desc")
    .execute();
  return rows.map((row) => ({
    threadId: row.thread_id,
    circleId: row.group_id,
    title: row.title,
    body: row.body,
    labels: labelsOf(row.fields),
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/** The member's drafts joined to their place, only where the place is readable (`readableThreads`, `readableGroups`). */
function readableDrafts(handle: Database, guardian: Guardian, memberId: string) {
  return handle
    .selectFrom("drafts")
    .leftJoin("threads", "threads.id", "drafts.thread_id")
    .innerJoin("groups", (join) => join.on(sql<boolean>`groups.id = coalesce(drafts.group_id, threads.group_id)`))
    .where("drafts.member_id", "=", memberId)
    .where(sql<boolean>`((drafts.thread_id is null and ${guardian.readable.groups()}) or (drafts.thread_id is not null and ${guardian.readable.threads()}))`);
}

function labelsOf(fields: string): string[] {
  try {
    const parsed: unknown = JSON.parse(fields);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** The start of a draft as plain text: Markdown marks and quotes left out, whitespace folded. */
function plainExcerpt(body: string, length = 160): string {
  const text = body
    .split("\n")
    .filter((line) => !line.trimStart().startsWith(">"))
    .join(" ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#~>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}
