import { Form, Link } from "@remix-run/react";
import type { ThreadPost } from "../../domain/threads/page.server";
import { useTranslate } from "../../i18n/react";
import { ReportForm } from "../report-form";
import { failedOn, type ThreadFormState } from "./form-state";
import { QuoteButton } from "./quote-button";

export interface PostActionsProps {
  post: ThreadPost;
  canReply: boolean;
  canModerate: boolean;
  /** This page of the thread, without query (`/t/:id/:slug`, `?page=N` after the first). */
  pageHref: string;
  /** The thread's address with `?page=N&` (or `?`) ready for one more parameter. */
  pageQuery: string;
  /** The post whose report form the address opens (`?report=`), if any. */
  reportOpen: string | null;
  form: ThreadFormState;
}

/** Under a post: edit history, quote, edit, delete, report, and the host's hide and restore. */
export function PostActions({ post, canReply, canModerate, pageHref, pageQuery, reportOpen, form }: PostActionsProps) {
  const t = useTranslate();
  const reportFailed = failedOn(form, "report", post.id);
  return (
    <footer className="post__tools">
      {post.editedAt && (!post.hidden || post.hidden.shown) ? (
        <Link to={`/posts/${post.id}/history`} className="muted">
          {t("threads.edited")}
        </Link>
      ) : null}
      {canReply && !post.hidden ? (
        <QuoteButton postId={post.id} author={post.author?.username ?? ""} href={`${pageHref}#post-${post.number}`} />
      ) : null}
      {post.can.edit ? <Link to={`/posts/${post.id}/edit`}>{t("threads.edit")}</Link> : null}
      {post.can.delete ? (
        <details className="post__confirm" open={failedOn(form, "delete", post.id) || undefined}>
          <summary>{t("threads.delete")}</summary>
          <Form method="post" className="inline-form">
            <input type="hidden" name="postId" value={post.id} />
            <button type="submit" name="intent" value="delete" className="button button--danger">
              {t(post.number === 1 ? "threads.deleteThreadConfirm" : "threads.deleteConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
      {post.can.report && !post.hidden ? (
        <ReportForm
          postId={post.id}
          href={`${pageQuery}report=${post.id}#post-${post.number}`}
          open={reportFailed || reportOpen === String(post.id)}
          values={reportFailed ? form.values : {}}
          errors={reportFailed ? (form.failure?.fieldErrors ?? {}) : {}}
          message={reportFailed ? form.failure?.formError : undefined}
        />
      ) : null}
      {canModerate && post.hidden ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" name="intent" value="restore" className="link-button">
            {t("threads.restore")}
          </button>
        </Form>
      ) : null}
      {canModerate && !post.hidden ? <HideForm postId={post.id} form={form} /> : null}
    </footer>
  );
}

/** A host hides a post with a reason everyone sees in its place. */
function HideForm({ postId, form }: { postId: number; form: ThreadFormState }) {
  const t = useTranslate();
  const failed = failedOn(form, "hide", postId);
  const error = failed ? form.failure?.fieldErrors.reason : undefined;
  return (
    <details className="post__confirm" open={failed || undefined}>
      <summary>{t("threads.hide")}</summary>
      <Form method="post" noValidate>
        <input type="hidden" name="postId" value={postId} />
        <div className={failed ? "field field--invalid" : "field"}>
          <label htmlFor={`hide-reason-${postId}`}>{t("threads.hideReason")}</label>
          <input
            id={`hide-reason-${postId}`}
            name="reason"
            required
            maxLength={500}
            defaultValue={failed ? form.values.reason : undefined}
            aria-invalid={failed ? true : undefined}
            aria-describedby={failed ? `hide-reason-${postId}-error` : undefined}
          />
          {error ? (
            <p className="field__error" id={`hide-reason-${postId}-error`}>
              {t(error)}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="hide" className="button button--secondary">
          {t("threads.hideSubmit")}
        </button>
      </Form>
    </details>
  );
}
