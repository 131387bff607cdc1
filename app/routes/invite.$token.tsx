import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationPage } from "../components/invitation-page";
import { acceptInvitation, findOpenInvitation } from "../domain/groups/commands.server";
import { translator } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, readForm, respondToFailure } from "../lib/http.server";

/**
 * An emailed invitation: only for the account with the address it went to
 * (people without an account sign up with that address first and come
 * back). Another signed-in account is told so, with 403.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = token.length <= 100 ? await findOpenInvitation(context.db, context.guardian, token) : undefined;
  const otherAddress = invitation?.forThisAccount === false;
  return json(
    {
      locale: requestLocale(request, context.actor),
      invitation: invitation ? { name: invitation.name, description: invitation.description } : null,
      otherAddress,
      signedIn: context.actor.kind === "member",
      verified: context.actor.kind === "member" && context.actor.emailVerified,
      here: new URL(request.url).pathname,
    },
    { status: otherAddress ? 403 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("groups.invitation")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const result = await acceptInvitation(context.db, context.guardian, params.token ?? "");
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/g/${result.slug}?notice=joined`);
}

export default function Invitation() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return (
    <InvitationPage
      group={data.invitation}
      signedIn={data.signedIn}
      verified={data.verified}
      here={data.here}
      failure={failure}
      forInvitedAddress
      otherAddress={data.otherAddress || failure?.formError === "groups.invitation.otherAddress"}
    />
  );
}
