import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentField } from "../components/editor/attachments";
import { FailureMessage } from "../components/failure-message";
import { tagWords, TitleTagsFields } from "../components/thread/title-tags-fields";
import { readPostForm } from "../domain/uploads/post-form.server";
import { UserHtml } from "../components/user-html";
import { forbidden, notFound } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { listPrinciples } from "../domain/principles/queries.server";
import { editPost, findEditablePost, newMemberLimitsFrom, previewPost, type TagSnapshot } from "../domain/threads/posting.server";
import { listGroupTags } from "../domain/threads/queries.server";
import { chosenPrinciples, chosenThemeTags, newThreadSchema, postBodySchema, postPath } from "../domain/threads/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, respondToFailure, typedValues } from "../lib/http.server";
import { renderMarkdown } from "../lib/markdown.server";
import { z } from "zod";

const editSchema = z.object({ body: postBodySchema, version: z.coerce.number().int().min(1) });
/** The opening post's form also carries the thread's title and tags, with the same rules as starting a thread. */
const openingEditSchema = editSchema.extend(newThreadSchema.pick({ title: true, principles: true, tags: true }).shape);

function postIdFrom(param: string | undefined): number {
  if (!param || !/^[1-9][0-9]{0,15}$/.test(param)) notFound();
  return Number(param);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireMember(context.actor, request);
  const found = await findEditablePost(context.db, context.guardian, postIdFrom(params.id));
  if (!found.found) notFound();
  if (!found.allowed) forbidden();
  const locale = requestLocale(request, actor);
  return {
    locale,
    post: { id: found.post.id, body: found.post.body_markdown, version: found.post.version, threadId: found.post.thread_id, threadSlug: found.post.thread_slug, number: found.post.number },
    // The opening post: the thread's title and tags are edited along with it.
    thread: found.thread,
    principles: found.thread ? await listPrinciples(context.db, locale) : [],
    themeTags: found.thread ? await listGroupTags(context.db, found.post.group_id) : [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("threads.editTitle")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

type Result =
  | (FormFailure & { currentBody?: string; currentVersion?: number; currentHtml?: string; currentTitle?: string; currentTags?: TagSnapshot })
  | { ok: true; preview: string; values: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const postId = postIdFrom(params.id);
  const { values, failure: refusedFile } = await readPostForm(request, context);
  if (refusedFile) return respondToFailure(request, values, refusedFile);
  if (values.intent === "preview") {
    const preview = await previewPost(context.db, context.guardian, context.clientIp, values.body ?? "");
    if (!preview.ok) return formFailure(values, preview);
    return { ok: true as const, preview: preview.html, values };
  }
  // A form with a title is the opening post's; editPost ignores title and tags on any other post.
  const withTitle = values.title !== undefined;
  let input: Parameters<typeof editPost>[3];
  if (withTitle) {
    const { data, failure } = parseForm(openingEditSchema, values, { principles: chosenPrinciples(values), tags: chosenThemeTags(values) });
    if (failure) return failure;
    input = { body: data.body, version: data.version, thread: { title: data.title, principles: data.principles, tags: data.tags } };
  } else {
    const { data, failure } = parseForm(editSchema, values);
    if (failure) return failure;
    input = data;
  }
  const result = await editPost(context.db, context.guardian, postId, input, newMemberLimitsFrom(context.config));
  if (!result.ok) {
    if ("currentBody" in result) {
      // Someone changed the post meanwhile: show theirs, keep ours, and take their version as the new base.
      return json(
        {
          ok: false as const,
          values: typedValues({ ...values, version: String(result.currentVersion) }),
          fieldErrors: {},
          formError: result.formError,
          currentBody: result.currentBody,
          currentVersion: result.currentVersion,
          currentHtml: renderMarkdown(result.currentBody),
          currentTitle: result.currentTitle,
          currentTags: result.currentTags,
        },
        { status: 409 },
      );
    }
    return respondToFailure(request, values, result);
  }
  throw redirect(postPath(result.threadId, result.slug, result.number));
}

export default function EditPost() {
  const { post, thread, principles, themeTags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const failure = result && !result.ok ? result : undefined;
  const values = result?.values ?? {};
  const t = useTranslate();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/t/${post.threadId}/${post.threadSlug}#post-${post.number}`}>{t("threads.backToThread")}</Link>
      </p>
      <h1>{t("threads.editTitle")}</h1>
      <FailureMessage failure={failure} />
      {failure?.currentHtml ? (
        <section className="preview" aria-labelledby="current-title">
          <h2 id="current-title" className="preview__title">
            {t("threads.currentVersion")}
          </h2>
          {failure.currentTitle !== undefined ? (
            <p>
              {t("threads.editTitleTags.current", { title: failure.currentTitle, tags: tagWords(failure.currentTags ?? [], principles, t("threads.history.noTags")) })}
            </p>
          ) : null}
          <UserHtml html={failure.currentHtml} />
        </section>
      ) : null}
      {result?.ok ? (
        <section className="preview" aria-labelledby="preview-title">
          <h2 id="preview-title" className="preview__title">
            {t("editor.preview")}
          </h2>
          <UserHtml html={result.preview} />
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="version" value={values.version ?? String(post.version)} />
        {thread ? (
          <TitleTagsFields principles={principles} themeTags={themeTags} initial={thread} values={result ? values : undefined} errors={failure?.fieldErrors ?? {}} />
        ) : null}
        <div className={failure?.fieldErrors.body ? "field field--invalid" : "field"}>
          <label htmlFor="field-body">{t("field.body")}</label>
          <textarea id="field-body" name="body" rows={10} maxLength={32000} defaultValue={values.body ?? post.body} />
          {failure?.fieldErrors.body ? <p className="field__error">{t(failure.fieldErrors.body)}</p> : null}
        </div>
        <AttachmentField error={failure?.fieldErrors.files} />
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button">
            {t("settings.save")}
          </button>
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {t("editor.previewButton")}
          </button>
        </div>
      </Form>
    </div>
  );
}

