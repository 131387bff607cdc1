import { randomUUID } from "node:crypto";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DraftControls } from "../components/draft-status";
import { AttachmentField } from "../components/editor/attachments";
import { FailureMessage } from "../components/failure-message";
import { readPostForm } from "../domain/uploads/post-form.server";
import { Field } from "../components/form-fields";
import { PostEditor } from "../components/post-editor";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { deleteDraft, loadDraft, saveDraft } from "../domain/drafts/drafts.server";
import { chosenLabelFields } from "../domain/drafts/schema";
import { listPrinciples } from "../domain/principles/queries.server";
import { newMemberLimitsFrom, previewPost, startThread } from "../domain/threads/posting.server";
import { chosenPrinciples, chosenThemeTags, newThreadSchema } from "../domain/threads/schema";
import { listGroupTags } from "../domain/threads/queries.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, respondToFailure } from "../lib/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireMember(context.actor, request);
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!(await context.guardian.canStartThread(group.id))) forbidden();
  const locale = requestLocale(request, actor);
  return {
    locale,
    group: { slug: group.slug, name: group.name },
    principles: await listPrinciples(context.db, locale),
    themeTags: await listGroupTags(context.db, group.id),
    idempotencyKey: randomUUID(),
    draft: await loadDraft(context.db, context.guardian, { groupId: group.id }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("threads.new")} · ${data.group.name} · ${t("site.name")}` }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

type Result = FormFailure | { ok: true; preview: string | null; values: Record<string, string>; draftSavedAt: string | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  const { values, failure: refusedFile } = await readPostForm(request, context);
  if (refusedFile) return respondToFailure(request, values, refusedFile);
  const place = { groupId: group.id };
  const typed = { body: values.body ?? "", title: values.title ?? "", labels: chosenLabelFields(values) };
  if (values.intent === "preview") {
    const preview = await previewPost(context.db, context.guardian, context.clientIp, values.body ?? "");
    if (!preview.ok) return formFailure(values, preview);
    // Previewing also keeps the text (a refused save does not stop the preview).
    const saved = await saveDraft(context.db, context.guardian, place, typed);
    return { ok: true as const, preview: preview.html, values, draftSavedAt: saved.ok ? saved.updatedAt : null };
  }
  if (values.intent === "draft") {
    const saved = await saveDraft(context.db, context.guardian, place, typed);
    if (!saved.ok) return respondToFailure(request, values, saved);
    return { ok: true as const, preview: null, values, draftSavedAt: saved.updatedAt };
  }
  const { data, failure } = parseForm(newThreadSchema, values, { principles: chosenPrinciples(values), tags: chosenThemeTags(values) });
  if (failure) return failure;
  const result = await startThread(context.db, context.guardian, group.id, data, newMemberLimitsFrom(context.config));
  if (!result.ok) return respondToFailure(request, values, result);
  // Posted: the draft has done its work (a refused post keeps it).
  await deleteDraft(context.db, context.guardian, place);
  throw redirect(`/t/${result.threadId}/${result.slug}`);
}

export default function NewThread() {
  const { group, principles, themeTags, idempotencyKey, draft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useTranslate();
  const failure = result && !result.ok ? result : undefined;
  // What was just submitted, else the saved draft (title, labels, text).
  const values = result?.values ?? (draft ? { title: draft.title, body: draft.body, ...Object.fromEntries(draft.labels.map((name) => [name, "on"])) } : {});
  const errors = failure?.fieldErrors ?? {};
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("threads.new")}</h1>
      <FailureMessage failure={failure} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <Field name="title" label={t("field.title")} required minLength={3} maxLength={200} defaultValue={values.title} error={errors.title} />
        <fieldset className={errors.principles ? "field field--invalid" : "field"}>
          <legend>{t("threads.principles")}</legend>
          <p className="field__hint">{t("threads.principles.hint")}</p>
          {principles.map((p) => (
            <label key={p.slug} className="choice">
              <input type="checkbox" name={`principle-${p.slug}`} defaultChecked={values[`principle-${p.slug}`] === "on"} /> {p.label}
            </label>
          ))}
          {themeTags.map((tag) => (
            <label key={tag.slug} className="choice">
              <input type="checkbox" name={`tag-${tag.slug}`} defaultChecked={values[`tag-${tag.slug}`] === "on"} /> {tag.label}
            </label>
          ))}
          {errors.principles ? <p className="field__error">{t(errors.principles)}</p> : null}
        </fieldset>
        <PostEditor
          label={t("field.body")}
          defaultValue={values.body}
          error={errors.body}
          previewHtml={result?.ok ? result.preview : null}
          idempotencyKey={values.idempotencyKey ?? idempotencyKey}
          submitLabel={t("threads.create")}
          extraButtons={<DraftControls place={{ group: group.slug }} savedAt={(result?.ok ? result.draftSavedAt : null) ?? draft?.updatedAt ?? null} />}
        >
          <AttachmentField error={errors.files} />
        </PostEditor>
      </Form>
    </div>
  );
}
