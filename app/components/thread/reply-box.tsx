import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslate } from "../../i18n/react";
import { DraftControls } from "../draft-status";
import { FailureMessage } from "../failure-message";
import { AttachmentField } from "../editor/attachments";
import { PostEditor } from "../post-editor";
import type { ThreadFormState } from "./form-state";

/** The reply section under a thread: the editor, a sign-in link, or why replying is closed. */
export function ReplyBox({
  thread,
  group,
  signedIn,
  canReply,
  canJoin,
  pageHref,
  quote,
  idempotencyKey,
  form,
}: {
  thread: { id: number; deleted: boolean; hidden: boolean; locked: boolean };
  group: { slug: string };
  signedIn: boolean;
  canReply: boolean;
  canJoin: boolean;
  pageHref: string;
  quote: string | null;
  idempotencyKey: string;
  form: ThreadFormState;
}) {
  const t = useTranslate();
  const { failure, values } = form;
  const sent = useSentReplies(failure !== undefined);
  // The thread page's loader restores the member's saved draft (`loadThreadPage`), with an old `?quote=` link's quote appended.
  const { replyText, draftText, draftSavedAt } = useLoaderData<{ replyText: string | null; draftText: string | null; draftSavedAt: string | null }>();
  const draft = useDraftSaved();
  return (
    <section aria-labelledby="reply-title" className="reply" id="reply">
      <h2 id="reply-title">{t("threads.reply")}</h2>
      {!signedIn ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(pageHref)}`}>{t("threads.signInToReply")}</Link>
        </p>
      ) : canReply ? (
        <Form method="post" encType="multipart/form-data" noValidate id="reply-form" key={`${thread.id}-${sent}`}>
          {values.intent === "post" || values.intent === "preview" ? <FailureMessage failure={failure} /> : null}
          <PostEditor
            label={t("threads.yourReply")}
            defaultValue={values.body ?? replyText ?? undefined}
            error={failure?.fieldErrors.body}
            previewHtml={form.preview}
            idempotencyKey={values.idempotencyKey ?? idempotencyKey}
            submitLabel={t("threads.replySubmit")}
            threadId={thread.id}
            extraButtons={<DraftControls place={{ threadId: thread.id }} savedAt={draft.savedAt ?? draftSavedAt} unsavedAtStart={quote !== null && values.body === undefined && replyText !== draftText} />}
          >
            <AttachmentField error={failure?.fieldErrors.files} />
          </PostEditor>
        </Form>
      ) : (
        <p className="muted">
          {thread.deleted ? t("threads.deletedThread") : thread.hidden ? t("threads.hiddenThread") : thread.locked ? t("threads.locked") : t("threads.membersOnly")}{" "}
          {canJoin ? <Link to={`/g/${group.slug}`}>{t("groups.join")}</Link> : null}
        </p>
      )}
    </section>
  );
}

/** The answer of "Save draft" or "Preview" without JavaScript: when the draft was saved. */
function useDraftSaved(): { savedAt: string | null } {
  const data = useActionData<{ ok?: boolean; draftSaved?: boolean; draftSavedAt?: string | null }>();
  return { savedAt: data?.ok && data.draftSaved ? (data.draftSavedAt ?? null) : null };
}

/**
 * How many replies this page has sent with JavaScript. After a reply is posted
 * the page stays (Remix navigates to the new post), so the box is made afresh
 * (empty, no preview) by keying it on this count; a refused reply keeps its text.
 */
function useSentReplies(refused: boolean): number {
  const navigation = useNavigation();
  const [seen, setSeen] = useState({ state: navigation.state, posting: false, sent: 0 });
  // Adjusted while rendering when the navigation moves on (no effect, no extra render pass).
  if (navigation.state !== seen.state) {
    const done = navigation.state === "idle" && seen.posting;
    const posting = navigation.state === "submitting" ? navigation.formData?.get("intent") === "post" : seen.posting && !done;
    setSeen({ state: navigation.state, posting, sent: seen.sent + (done && !refused ? 1 : 0) });
  }
  return seen.sent;
}
