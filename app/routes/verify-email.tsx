import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { confirmEmailChange, resendVerification, verifyEmail } from "../domain/accounts/commands.server";
import { isAccountTokenValid } from "../domain/accounts/tokens.server";
import { emailConfirmation } from "../domain/accounts/profile.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, readForm, type FormFailure } from "../lib/http.server";
import { clearTokenCookie, readTokenCookie, stashTokenCookie } from "../lib/token-cookie.server";

export { formRouteHeaders as headers } from "../lib/route-headers";

const COOKIE = "gwn_verify";
const PATH = "/verify-email";

/** The stashed link: "change:<token>" for a new address, "verify:<token>" for sign-up. */
function stashedLink(request: Request) {
  const value = readTokenCookie(request, COOKIE);
  const match = value ? /^(verify|change):(.+)$/.exec(value) : null;
  return match ? { change: match[1] === "change", token: match[2]! } : null;
}

/**
 * /verify-email?token=…   (from the email) stashes the token and comes back as
 * /verify-email?step=confirm, which shows a button that confirms (loaders never write);
 * /verify-email           tells a signed-in, unverified member where the link went.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = requestLocale(request, context.actor);
  const token = url.searchParams.get("token");
  if (token) {
    const kind = url.searchParams.get("change") === "1" ? "change" : "verify";
    throw redirect(`${PATH}?step=confirm`, {
      headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "Set-Cookie": stashTokenCookie(COOKIE, PATH, `${kind}:${token.slice(0, 200)}`, context.secure) },
    });
  }
  if (url.searchParams.get("step") === "confirm") {
    const link = stashedLink(request);
    const valid = link ? await isAccountTokenValid(context.db, link.token, link.change ? "change-email" : "verify-email") : false;
    return { locale, mode: "confirm" as const, change: link?.change ?? false, valid, email: null, verified: false };
  }
  const member = context.guardian.member;
  if (!member) throw redirect("/login?redirectTo=%2Fverify-email");
  const { email, verified } = await emailConfirmation(context.db, member.id);
  return { locale, mode: "sent" as const, change: false, valid: false, email, verified };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("verify.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  if (values.intent === "resend") {
    if (!context.guardian.member) throw redirect("/login?redirectTo=%2Fverify-email");
    const result = await resendVerification(context.db, context.jobs, context.guardian, {
      origin: context.origin,
      locale: requestLocale(request, context.actor),
    });
    if (!result.ok) return formFailure(values, result);
    return { ok: true as const, resent: true };
  }
  const link = stashedLink(request);
  if (!link) return formFailure(values, { status: 400, formError: "verify.invalidLink" });
  const result = link.change ? await confirmEmailChange(context.db, link.token) : await verifyEmail(context.db, link.token);
  if (!result.ok) return formFailure(values, result);
  throw redirect(context.guardian.member ? "/settings/account?notice=email-verified" : "/login?notice=email-verified", {
    headers: { "Set-Cookie": clearTokenCookie(COOKIE, PATH, context.secure) },
  });
}

export default function VerifyEmail() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | { ok: true; resent: true } | undefined;
  const t = useTranslate();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      <FailureMessage failure={failure} />
      {result?.ok ? <FormMessage kind="success">{t("verify.resent")}</FormMessage> : null}
      {data.mode === "confirm" ? (
        data.valid && !failure ? (
          <Form method="post">
            <p>{t(data.change ? "verify.confirmChange" : "verify.confirm")}</p>
            <button type="submit" className="button">
              {t("verify.submit")}
            </button>
          </Form>
        ) : failure ? null : (
          <>
            <FormMessage kind="error">{t("verify.invalidLink")}</FormMessage>
            <p>
              <Link to="/settings/account">{t("settings.account.title")}</Link>
            </p>
          </>
        )
      ) : data.verified ? (
        <FormMessage kind="success">{t("verify.alreadyVerified")}</FormMessage>
      ) : (
        <>
          <p>{t("verify.sent", { email: data.email ?? "" })}</p>
          <p>{t("verify.unverifiedLimits")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button button--secondary">
              {t("verify.resend")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
