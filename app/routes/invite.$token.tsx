import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationPage } from "../components/invitation-page";
import { acceptInvitation, findOpenInvitation } from "../domain/groups/commands.server";
import { invitationPage } from "../domain/groups/invitation-page.server";
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
  return invitationPage(context.guardian, {
    locale: requestLocale(request, context.actor),
    here: new URL(request.url).pathname,
    group: invitation ? { name: invitation.name, description: invitation.description } : null,
    otherAddress: invitation?.forThisAccount === false,
  });
}

export { invitationMeta as meta } from "../components/invitation-page";
export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const result = await acceptInvitation(context.db, context.guardian, params.token ?? "");
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/g/${result.slug}?notice=joined`);
}

export default function Invitation() {
  return <InvitationPage data={useLoaderData<typeof loader>()} failure={useActionData<typeof action>() as FormFailure | undefined} forInvitedAddress />;
}
