import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { requestPasswordReset } from "../domain/accounts/commands.server";
import { forgotPasswordSchema } from "../domain/accounts/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, parseForm, readForm, type FormFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { locale: requestLocale(request, context.actor) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("forgot.title")} · ${t("site.name")}` }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const { data, failure } = parseForm(forgotPasswordSchema, values);
  if (failure) return failure;
  const result = await requestPasswordReset(context.db, context.jobs, data.email, {
    links: { origin: context.origin, locale: requestLocale(request, context.actor) },
    clientIp: context.clientIp,
  });
  if (!result.ok) return formFailure(values, result);
  return { ok: true as const, email: data.email };
}

export default function ForgotPassword() {
  const t = useTranslate();
  const result = useActionData<typeof action>() as FormFailure | { ok: true; email: string } | undefined;
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="narrow">
      <h1>{t("forgot.title")}</h1>
      {result?.ok ? (
        <FormMessage kind="success">{t("forgot.sent", { email: result.email })}</FormMessage>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <FailureMessage failure={failure} />
          <Form method="post" noValidate>
            <Field name="email" type="email" label={t("field.email")} autoComplete="email" required defaultValue={failure?.values.email} error={failure?.fieldErrors.email} />
            <button type="submit" className="button">
              {t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t("login.title")}</Link>
      </p>
    </div>
  );
}
