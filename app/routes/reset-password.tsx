import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { resetPassword } from "../domain/accounts/commands.server";
import { resetPasswordSchema } from "../domain/accounts/schema";
import { isAccountTokenValid } from "../domain/accounts/tokens.server";
import { endSession } from "../auth/session.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, parseForm, readForm, type FormFailure } from "../lib/http.server";
import { clearTokenCookie, readTokenCookie, stashTokenCookie } from "../lib/token-cookie.server";

const COOKIE = "gwn_reset";
const PATH = "/reset-password";

export { formRouteHeaders as headers } from "../lib/route-headers";

/** /reset-password?token=… (from the email) stashes the token (see token-cookie.server) and comes back without it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const fromLink = new URL(request.url).searchParams.get("token");
  if (fromLink) {
    throw redirect(PATH, { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "Set-Cookie": stashTokenCookie(COOKIE, PATH, fromLink.slice(0, 200), context.secure) } });
  }
  const token = readTokenCookie(request, COOKIE);
  const valid = token !== null && (await isAccountTokenValid(context.db, token, "reset-password"));
  return { locale: requestLocale(request, context.actor), valid };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("reset.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const { data, failure } = parseForm(resetPasswordSchema, { ...values, token: readTokenCookie(request, COOKIE) ?? "" });
  if (failure) return failure;
  const result = await resetPassword(context.db, context.jobs, data.token, data.password, {
    origin: context.origin,
    locale: requestLocale(request, context.actor),
  });
  if (!result.ok) return formFailure(values, result);
  // Every session of the member ended, this browser's included.
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(context.db, null, context.secure));
  headers.append("Set-Cookie", clearTokenCookie(COOKIE, PATH, context.secure));
  throw redirect("/login?notice=password-reset", { headers });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const t = useTranslate();
  if (!valid) {
    return (
      <div className="narrow">
        <h1>{t("reset.title")}</h1>
        <FormMessage kind="error">{t("reset.invalidLink")}</FormMessage>
        <p>
          <Link to="/forgot-password">{t("forgot.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("reset.title")}</h1>
      <FailureMessage failure={failure} />
      <Form method="post" noValidate>
        <Field
          name="password"
          type="password"
          label={t("field.newPassword")}
          hint={t("field.password.hint")}
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={256}
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
