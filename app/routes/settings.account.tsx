import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { changePassword, requestEmailChange } from "../domain/accounts/commands.server";
import { findOwnSettings, findPendingEmailChange } from "../domain/accounts/queries.server";
import { changeEmailSchema, changePasswordSchema } from "../domain/accounts/schema";
import { requireMember } from "../auth/session.server";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, parseForm, readForm, type FormFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  const settings = await findOwnSettings(context.db, member.id);
  return {
    email: settings.email,
    verified: settings.email_verified_at !== null,
    pendingEmail: await findPendingEmailChange(context.db, member.id),
  };
}

type Result = (FormFailure & { intent?: string }) | { ok: true; intent: "email" | "password" };

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const values = await readForm(request);
  const links = { origin: context.origin, locale: requestLocale(request, context.actor) };
  if (values.intent === "email") {
    const { data, failure } = parseForm(changeEmailSchema, values);
    if (failure) return failure;
    const result = await requestEmailChange(context.db, context.jobs, context.guardian, data, links);
    if (!result.ok) return formFailure(values, result);
    return { ok: true as const, intent: "email" as const };
  }
  if (values.intent === "password") {
    const { data, failure } = parseForm(changePasswordSchema, values);
    if (failure) return failure;
    const result = await changePassword(context.db, context.jobs, context.guardian, data, {
      currentSessionToken: context.sessionToken,
      links,
    });
    if (!result.ok) return formFailure(values, result);
    return { ok: true as const, intent: "password" as const };
  }
  return formFailure(values, { status: 400, formError: "error.badRequest.text" });
}

export default function AccountSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const [searchParams] = useSearchParams();
  const t = useTranslate();
  const failure = result && !result.ok ? result : undefined;
  const failedIntent = failure?.values.intent;
  const errorsFor = (intent: string) => (failedIntent === intent ? failure?.fieldErrors ?? {} : {});
  return (
    <>
      <section aria-labelledby="email-title">
        <h2 id="email-title">{t("settings.email.title")}</h2>
        {searchParams.get("notice") === "email-verified" ? <FormMessage kind="success">{t("verify.done")}</FormMessage> : null}
        <p>
          {t("settings.email.current", { email: data.email })}{" "}
          {data.verified ? (
            <span className="badge badge--ok">{t("settings.email.verified")}</span>
          ) : (
            <>
              <span className="badge badge--warn">{t("settings.email.unverified")}</span> <Link to="/verify-email">{t("verify.resend")}</Link>
            </>
          )}
        </p>
        {data.pendingEmail ? <p>{t("settings.email.pending", { email: data.pendingEmail })}</p> : null}
        {result?.ok && result.intent === "email" ? <FormMessage kind="success">{t("settings.email.sent")}</FormMessage> : null}
        <FailureMessage failure={failure} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="email" />
          <Field name="newEmail" type="email" label={t("field.newEmail")} autoComplete="email" required defaultValue={failedIntent === "email" ? failure?.values.newEmail : undefined} error={errorsFor("email").newEmail} />
          <Field name="currentPassword" type="password" label={t("field.currentPassword")} autoComplete="current-password" required error={errorsFor("email").currentPassword} />
          <button type="submit" className="button">
            {t("settings.email.submit")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("settings.password.title")}</h2>
        {result?.ok && result.intent === "password" ? <FormMessage kind="success">{t("settings.password.changed")}</FormMessage> : null}
        <FailureMessage failure={failure} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field name="currentPassword" type="password" label={t("field.currentPassword")} autoComplete="current-password" required error={errorsFor("password").currentPassword} />
          <Field name="newPassword" type="password" label={t("field.newPassword")} hint={t("field.password.hint")} autoComplete="new-password" required minLength={8} maxLength={256} error={errorsFor("password").newPassword} />
          <button type="submit" className="button">
            {t("settings.password.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
