import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationPage } from "../components/invitation-page";
import { throwForMissingOrSignedOut } from "../auth/guards.server";
import { acceptInvitation, findOpenInvitation } from "../domain/groups/commands.server";
import { translator } from "../i18n/index";
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
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return <InvitationPage group={data.invitation} signedIn={data.signedIn} verified={data.verified} here={data.here} failure={failure} />;
}
