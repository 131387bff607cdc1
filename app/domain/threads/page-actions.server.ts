import { redirect, type AppLoadContext } from "@remix-run/node";
import { notFound } from "../../auth/guards.server";
import { requireMember } from "../../auth/session.server";
import { formFailure, parseForm, respondToFailure } from "../../lib/http.server";
import { deleteDraft, saveDraft, saveDraftWithQuote } from "../drafts/drafts.server";
import { reportPost, reportSchema } from "../moderation/reports.server";
import { watchSchema, watchThread } from "../notifications/commands.server";
import { deletePost, hidePost, moveThread, restorePost, setThreadFlag } from "./moderation.server";
import { newMemberLimitsFrom, previewPost, replyToThread } from "./posting.server";
import { toggleReaction } from "./reactions.server";
import { findVisibleThread } from "./queries.server";
import { hideSchema, POSTS_PER_PAGE, postPath, reactionSchema, replySchema } from "./schema";

/**
 * The forms of the thread page (`/t/:id/:slug`), one function per intent:
 * each parses its fields, calls one command and answers with a redirect
 * (thrown) or the form failure to show. The route only picks the intent.
 */
export interface ThreadActionArgs {
  request: Request;
  context: AppLoadContext;
  threadId: number;
  values: Record<string, string>;
}

/** Back to the post a command acted on, on its page. */
function toPost(request: Request, number: number): never {
  const page = Math.ceil(number / POSTS_PER_PAGE);
  throw redirect(`${new URL(request.url).pathname}${page > 1 ? `?page=${page}` : ""}#post-${number}`);
}

const badRequest = (values: Record<string, string>) => formFailure(values, { status: 400, formError: "error.badRequest.text" });

const FLAGS = { pin: ["pinned", true], unpin: ["pinned", false], lock: ["locked", true], unlock: ["locked", false] } as const;

async function setFlag({ request, context, threadId, values }: ThreadActionArgs) {
  const [flag, value] = FLAGS[values.intent as keyof typeof FLAGS];
  const result = await setThreadFlag(context.db, context.guardian, threadId, flag, value);
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(new URL(request.url).pathname);
}

async function react({ request, context, values }: ThreadActionArgs) {
  const { data, failure } = parseForm(reactionSchema, values);
  if (failure) return failure;
  const result = await toggleReaction(context.db, context.guardian, data.postId, data.kind);
  if (!result.ok) return respondToFailure(request, values, result);
  // With JavaScript (a fetcher sends `stay`) the page stays where it is and reloads its data.
  if (values.stay === "1") return { ok: true as const, reacted: result.number };
  return toPost(request, result.number);
}

async function report({ request, context, values }: ThreadActionArgs) {
  const { data, failure } = parseForm(reportSchema, values);
  if (failure) return failure;
  const result = await reportPost(context.db, context.guardian, data, context.config.REPORT_HIDE_THRESHOLD);
  if (!result.ok) return respondToFailure(request, values, result);
  const back = new URL(request.url);
  back.searchParams.delete("quote");
  back.searchParams.delete("report");
  back.searchParams.set("reported", "1");
  throw redirect(`${back.pathname}${back.search}`);
}

async function watch({ request, context, threadId, values }: ThreadActionArgs) {
  const parsed = watchSchema.safeParse(values);
  if (!parsed.success) return badRequest(values);
  const result = await watchThread(context.db, context.guardian, threadId, parsed.data.level);
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`${new URL(request.url).pathname}?watch=saved`);
}

async function move({ request, context, threadId, values }: ThreadActionArgs) {
  const result = await moveThread(context.db, context.guardian, threadId, values.group ?? "");
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(new URL(request.url).pathname);
}

/** Delete, hide or restore one post. */
async function postModeration({ request, context, values }: ThreadActionArgs) {
  if (!/^[1-9][0-9]{0,15}$/.test(values.postId ?? "")) return badRequest(values);
  const postId = Number(values.postId);
  let result;
  if (values.intent === "hide") {
    const { data, failure } = parseForm(hideSchema, values);
    if (failure) return failure;
    result = await hidePost(context.db, context.guardian, data.postId, data.reason);
  } else {
    result = values.intent === "delete" ? await deletePost(context.db, context.guardian, postId) : await restorePost(context.db, context.guardian, postId);
  }
  if (!result.ok) return respondToFailure(request, values, result);
  return toPost(request, result.number);
}

async function preview({ request, context, threadId, values }: ThreadActionArgs) {
  // Missing before signed out: a private thread answers a visitor as a missing one does.
  if (!(await findVisibleThread(context.db, context.actor, threadId))) notFound();
  requireMember(context.actor, request);
  const preview = await previewPost(context.db, context.guardian, context.clientIp, values.body ?? "");
  if (!preview.ok) return formFailure(values, preview);
  // Previewing also keeps the text (a refused save does not stop the preview).
  const saved = await saveDraft(context.db, context.guardian, { threadId }, { body: values.body ?? "" });
  return { ok: true as const, preview: preview.html, values, draftSaved: saved.ok && saved.saved, draftSavedAt: saved.ok ? saved.updatedAt : null };
}

/** "Save draft" without JavaScript: the page again with "Draft saved" and everything typed. */
async function draft({ request, context, threadId, values }: ThreadActionArgs) {
  const result = await saveDraft(context.db, context.guardian, { threadId }, { body: values.body ?? "" });
  if (!result.ok) return respondToFailure(request, values, result);
  return { ok: true as const, preview: null, values, draftSaved: result.saved, draftSavedAt: result.updatedAt };
}

/**
 * A quote button of a post submitted the reply form (without JavaScript):
 * what was typed is saved with the quote appended, and the reader goes back
 * to the page they were on, to the reply box that now holds both.
 */
async function quote({ request, context, threadId, values }: ThreadActionArgs) {
  const postId = /^[1-9][0-9]{0,15}$/.test(values.quote ?? "") ? Number(values.quote) : null;
  const result = await saveDraftWithQuote(context.db, context.guardian, threadId, values.body ?? "", postId);
  if (!result.ok) return respondToFailure(request, { ...values, intent: "draft" }, result);
  const back = new URL(request.url);
  back.searchParams.delete("quote");
  throw redirect(`${back.pathname}${back.search}#reply`);
}

async function reply({ request, context, threadId, values }: ThreadActionArgs) {
  const { data, failure } = parseForm(replySchema, values);
  if (failure) return failure;
  const result = await replyToThread(context.db, context.guardian, threadId, data, newMemberLimitsFrom(context.config));
  if (!result.ok) return respondToFailure(request, values, result);
  // Posted: the draft has done its work (a refused reply keeps it).
  await deleteDraft(context.db, context.guardian, { threadId });
  const thread = await findVisibleThread(context.db, context.actor, threadId);
  throw redirect(postPath(threadId, thread?.slug ?? "", result.number));
}

/** Each intent's handler; any other intent (or none: the reply box sends "post") is a reply. */
const INTENTS = {
  pin: setFlag,
  unpin: setFlag,
  lock: setFlag,
  unlock: setFlag,
  react,
  report,
  watch,
  move,
  delete: postModeration,
  hide: postModeration,
  restore: postModeration,
  preview,
  draft,
} as const;

export function threadAction(args: ThreadActionArgs) {
  // A post's quote button submits the reply form with its post id as `quote`.
  if (args.values.quote !== undefined) return quote(args);
  const intent = args.values.intent;
  const handler = intent !== undefined && Object.hasOwn(INTENTS, intent) ? INTENTS[intent as keyof typeof INTENTS] : reply;
  return handler(args);
}
