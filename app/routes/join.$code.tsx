import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { throwForMissingOrSignedOut } from "../auth/guards.server";
import { findGroupByInviteCode, joinByInviteLink } from "../domain/groups/commands.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, readForm, type FormFailure } from "../lib/http.server";

/** A group's shareable invite link. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const group = await findGroupByInviteCode(context.db, params.code ?? "");
  return {
    locale: requestLocale(request, context.actor),
    group: group ? { name: group.name, description: group.description } : null,
    signedIn: context.actor.kind === "member",
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
  const result = await joinByInviteLink(context.db, context.actor, params.code ?? "");
  throwForMissingOrSignedOut(result, request);
  if (!result.ok) return formFailure(values, result);
  throw redirect(`/g/${result.slug}?notice=joined`);
}

export default function JoinByLink() {
  const { group, signedIn, here } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const t = useTranslate();
  if (!group) {
    return (
      <div className="narrow">
        <h1>{t("groups.invitation")}</h1>
        <FormMessage kind="error">{t("groups.invite.invalid")}</FormMessage>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("groups.invitation.title", { group: group.name })}</h1>
      <p className="lead">{group.description}</p>
      <FailureMessage failure={failure} />
      {signedIn ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("groups.invitation.accept")}
          </button>
        </Form>
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
