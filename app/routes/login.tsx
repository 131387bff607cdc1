import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { signIn } from "../domain/accounts/commands.server";
import { signInSchema } from "../domain/accounts/schema";
import { preferredLocale } from "../domain/accounts/profile.server";
import { startSession } from "../auth/session.server";
import { formatDateTime, LOCALE_COOKIE, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, parseForm, readForm, typedValues, type FormFailure } from "../lib/http.server";
import { safeRedirectPath } from "../lib/safe-redirect";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (context.guardian.member) throw redirect(redirectTo);
  return { locale: requestLocale(request, context.actor) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("login.title")} · ${t("site.name")}` }];
};

type SuspendedFailure = FormFailure & { suspendedUntil?: string; suspensionReason?: string | null };

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const { data, failure } = parseForm(signInSchema, values);
  if (failure) return failure;
  const result = await signIn(context.db, data, { clientIp: context.clientIp });
  if (!result.ok) {
    if ("until" in result) {
      return json<SuspendedFailure>(
        {
          ok: false,
          values: typedValues(values),
          fieldErrors: {},
          formError: result.formError,
          suspendedUntil: result.until.toISOString(),
          suspensionReason: result.reason,
        },
        { status: 403 },
      );
    }
    return formFailure(values, result);
  }
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    await startSession(context.db, result.memberId, {
      secure: context.secure,
      userAgent: request.headers.get("user-agent") ?? "",
      ipAddress: context.clientIp,
    }),
  );
  const locale = await preferredLocale(context.db, result.memberId);
  if (locale) {
    headers.append("Set-Cookie", `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${context.secure ? "; Secure" : ""}`);
  }
  return redirect(safeRedirectPath(data.redirectTo), { headers });
}

export default function Login() {
  useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const failure = useActionData<typeof action>() as SuspendedFailure | undefined;
  const busy = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  const redirectTo = failure?.values.redirectTo ?? searchParams.get("redirectTo") ?? "/";
  const notice = searchParams.get("notice");
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      {notice === "password-reset" ? <FormMessage kind="success">{t("reset.done")}</FormMessage> : null}
      {notice === "email-verified" ? <FormMessage kind="success">{t("verify.doneSignIn")}</FormMessage> : null}
      {notice === "account-deleted" ? <FormMessage kind="success">{t("data.deleted")}</FormMessage> : null}
      {failure?.formError === "login.suspended" && failure.suspendedUntil ? (
        <FormMessage kind="error">
          {new Date(failure.suspendedUntil).getUTCFullYear() >= 9999
            ? t("login.suspendedForGood")
            : t("login.suspended", { until: formatDateTime(new Date(failure.suspendedUntil), locale) })}
          {failure.suspensionReason ? ` ${t("login.suspendedReason", { reason: failure.suspensionReason })}` : null}
        </FormMessage>
      ) : failure?.formError ? (
        <FailureMessage failure={failure} />
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          name="identifier"
          label={t("field.identifier")}
          autoComplete="username"
          required
          defaultValue={failure?.values.identifier}
          error={errors.identifier}
        />
        <Field name="password" type="password" label={t("field.password")} autoComplete="current-password" required error={errors.password} />
        <button type="submit" className="button" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("signup.title")}</Link>
      </p>
    </div>
  );
}
