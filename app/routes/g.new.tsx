import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field } from "../components/form-fields";
import { GroupSettingsFields } from "../components/group-settings-fields";
import { forbidden } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { createGroup } from "../domain/groups/commands.server";
import { createGroupSchema } from "../domain/groups/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireMember(context.actor, request);
  if (!context.guardian.canCreateGroup) forbidden();
  return { locale: requestLocale(request, context.actor) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("groups.new")} · ${t("site.name")}` }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const values = await readForm(request);
  const { data, failure } = parseForm(createGroupSchema, values);
  if (failure) return failure;
  const result = await createGroup(context.db, context.guardian, data);
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/g/${result.slug}`);
}

export default function NewGroup() {
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const t = useTranslate();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <div className="narrow">
      <h1>{t("groups.new")}</h1>
      <FailureMessage failure={failure} />
      <Form method="post" noValidate>
        <Field name="slug" label={t("field.slug")} hint={t("field.slug.hint")} required maxLength={64} defaultValue={values.slug} error={errors.slug} />
        <Field name="owner" label={t("field.owner")} hint={t("field.owner.hint")} required defaultValue={values.owner} error={errors.owner} />
        <GroupSettingsFields
          values={{
            name: values.name ?? "",
            description: values.description ?? "",
            about: values.about ?? "",
            colour: values.colour ?? "green",
            visibility: values.visibility ?? "public",
            listed: values.listed ?? "listed",
            joinPolicy: values.joinPolicy ?? "open",
          }}
          errors={errors}
        />
        <button type="submit" className="button">
          {t("groups.create")}
        </button>
      </Form>
    </div>
  );
}
