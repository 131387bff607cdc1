import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { createGroupTag, deleteGroupTag } from "../domain/groups/tags.server";
import { listGroupTags } from "../domain/threads/queries.server";
import { groupTagSchema } from "../domain/threads/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, can } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!can.moderate) forbidden();
  return {
    locale: requestLocale(request, context.actor),
    group: { slug: group.slug, name: group.name },
    tags: await listGroupTags(context.db, group.id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("groups.tags")} · ${data.group.name} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

type Result = FormFailure | { ok: true; notice: "groups.tags.added" | "groups.tags.removed" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  const values = await readForm(request);
  if (values.intent === "remove") {
    if (!/^[1-9][0-9]{0,15}$/.test(values.tagId ?? "")) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    const result = await deleteGroupTag(context.db, context.guardian, group.id, Number(values.tagId));
    if (!result.ok) return respondToFailure(request, values, result);
    return { ok: true as const, notice: "groups.tags.removed" as const };
  }
  const { data, failure } = parseForm(groupTagSchema, values);
  if (failure) return failure;
  const result = await createGroupTag(context.db, context.guardian, group.id, data.label);
  if (!result.ok) return respondToFailure(request, values, result);
  return { ok: true as const, notice: "groups.tags.added" as const };
}

export default function GroupTags() {
  const { group, tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const failure = result && !result.ok ? result : undefined;
  const t = useTranslate();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("groups.tags")}</h1>
      <p>{t("groups.tags.intro")}</p>
      {result?.ok ? <FormMessage kind="success">{t(result.notice)}</FormMessage> : null}
      <FailureMessage failure={failure} />
      {tags.length === 0 ? (
        <p className="muted">{t("groups.tags.none")}</p>
      ) : (
        <ul className="tag-admin">
          {tags.map((tag) => (
            <li key={tag.id}>
              <Link to={`/g/${group.slug}?tag=${encodeURIComponent(tag.slug)}`} className="tag">
                {tag.label}
              </Link>{" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="tagId" value={tag.id} />
                <button type="submit" name="intent" value="remove" className="link-button">
                  {t("groups.tags.remove", { label: tag.label })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" noValidate key={result?.ok ? tags.length : "form"}>
        <Field
          name="label"
          label={t("field.tagLabel")}
          required
          minLength={2}
          maxLength={40}
          defaultValue={failure?.values.label}
          error={failure?.fieldErrors.label}
        />
        <button type="submit" name="intent" value="add" className="button">
          {t("groups.tags.add")}
        </button>
      </Form>
    </div>
  );
}
