import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field } from "../components/form-fields";
import { deleteAccount } from "../domain/accounts/commands.server";
import { deleteAccountSchema } from "../domain/accounts/schema";
import { endSession, requireMember } from "../auth/session.server";
import { useTranslate } from "../i18n/react";
import { formFailure, parseForm, readForm, type FormFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireMember(context.actor, request);
  return null;
}

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const values = await readForm(request);
  const { data, failure } = parseForm(deleteAccountSchema, values);
  if (failure) return failure;
  const result = await deleteAccount(context.db, context.guardian, data);
  if (!result.ok) return formFailure(values, result);
  const cookie = await endSession(context.db, null, context.secure);
  throw redirect("/login?notice=account-deleted", { headers: { "Set-Cookie": cookie } });
}

export default function YourData() {
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const t = useTranslate();
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t("data.export.title")}</h2>
        <p>{t("data.export.intro")}</p>
        <p>
          <a className="button button--secondary" href="/settings/export.json" download>
            {t("data.export.submit")}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t("data.delete.title")}</h2>
        <p>{t("data.delete.intro")}</p>
        <FailureMessage failure={failure} />
        <Form method="post" noValidate>
          <fieldset className={errors.posts ? "field field--invalid" : "field"}>
            <legend>{t("data.delete.posts")}</legend>
            <label className="choice">
              <input type="radio" name="posts" value="keep" defaultChecked={failure?.values.posts !== "remove"} /> {t("data.delete.keep")}
            </label>
            <label className="choice">
              <input type="radio" name="posts" value="remove" defaultChecked={failure?.values.posts === "remove"} /> {t("data.delete.remove")}
            </label>
            {errors.posts ? <p className="field__error">{t(errors.posts)}</p> : null}
          </fieldset>
          <Field name="currentPassword" type="password" label={t("field.currentPassword")} autoComplete="current-password" required error={errors.currentPassword} />
          <button type="submit" className="button button--danger">
            {t("data.delete.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
