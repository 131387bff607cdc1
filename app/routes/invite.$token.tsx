import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { throwForMissingOrSignedOut } from "../auth/guards.server";
import { acceptInvitation, findOpenInvitation } from "../domain/groups/commands.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, readForm, type FormFailure } from "../lib/http.server";

/** An emailed invitation: works for members, and for people who sign up first (they come back here). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = token.length <= 100 ? await findOpenInvitation(context.db, token) : undefined;
  return {
    locale: requestLocale(request, context.actor),
    invitation: invitation ? { name: invitation.name, description: invitation.description, email: invitation.email } : null,
    signedIn: context.actor.kind === "member",
    verified: context.actor.kind === "member" && context.actor.emailVerified,
    here: new URL(request.url).pathname,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("groups.invitation")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const result = await acceptInvitation(context.db, context.actor, params.token ?? "");
  throwForMissingOrSignedOut(result, request);
  if (!result.ok) return formFailure(values, result);
  throw redirect(`/g/${result.slug}?notice=joined`);
}

export default function Invitation() {
  const { invitation, signedIn, verified, here } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const t = useTranslate();
  if (!invitation) {
    return (
      <div className="narrow">
        <h1>{t("groups.invitation")}</h1>
        <FormMessage kind="error">{t("groups.invite.invalid")}</FormMessage>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("groups.invitation.title", { group: invitation.name })}</h1>
      <p className="lead">{invitation.description}</p>
      <FailureMessage failure={failure} />
      {signedIn ? (
        verified ? (
          <Form method="post">
            <button type="submit" className="button">
              {t("groups.invitation.accept")}
            </button>
          </Form>
        ) : (
          <p>
            {t("groups.verifyFirst")} <Link to="/verify-email">{t("verify.bannerLink")}</Link>
          </p>
        )
      ) : (
        <>
          <p>{t("groups.invitation.signIn")}</p>
          <p className="button-row">
            <Link className="button" to={`/login?redirectTo=${encodeURIComponent(here)}`}>
              {t("login.title")}
            </Link>
            <Link className="button button--secondary" to="/signup">
              {t("signup.title")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
