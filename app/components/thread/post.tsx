import { Link } from "@remix-run/react";
import type { ThreadPost } from "../../domain/threads/page.server";
import { formatDateTime } from "../../i18n/index";
import { useLocale, useTranslate } from "../../i18n/react";
import { Avatar } from "../avatar";
import { Reactions } from "../reactions";
import { UserHtml } from "../user-html";
import { FailureMessage } from "../failure-message";
import { failedOn, type ThreadFormState } from "./form-state";
import { PostActions, type PostActionsProps } from "./post-actions";

/** One post of a thread: author and time, the text (or why it is hidden or gone), reactions and its tools. */
export function Post({ post, canReact, ...actions }: { post: ThreadPost; canReact: boolean; form: ThreadFormState } & Omit<PostActionsProps, "post">) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <li id={`post-${post.number}`} className={post.hidden ? "post post--hidden" : "post"}>
      <header className="post__header">
        {post.author ? (
          <Link to={`/u/${post.author.username}`} className="person">
            <Avatar name={post.author.name} username={post.author.username} avatarVersion={post.author.avatarVersion} size="small" /> {post.author.name}
          </Link>
        ) : (
          <span>{t("audit.formerMember")}</span>
        )}
        <a href={`#post-${post.number}`} className="muted post__time">
          <time dateTime={post.createdAt}>{formatDateTime(new Date(post.createdAt), locale, undefined, { dateStyle: "medium", timeStyle: "short" })}</time>
        </a>
      </header>
      {post.hidden && !post.deleted ? (
        <p className="form-message form-message--info">
          {t("threads.postHidden", { reason: post.hidden.reason === "reports.autoHiddenReason" ? t("reports.autoHiddenReason") : post.hidden.reason })}
        </p>
      ) : null}
      {post.deleted ? <p className="muted">{t("threads.postDeleted")}</p> : !post.hidden || post.hidden.shown ? <UserHtml html={post.html} /> : null}
      {post.deleted || post.hidden ? null : <Reactions postId={post.id} summary={post.reactions} canReact={canReact && post.can.react} />}
      {failedOn(actions.form, "react", post.id) ? <FailureMessage failure={actions.form.failure} /> : null}
      {!post.deleted && (post.editedAt || post.can.edit || post.can.delete || post.can.report || actions.canReply || actions.canModerate) ? (
        <PostActions post={post} {...actions} />
      ) : null}
    </li>
  );
}
