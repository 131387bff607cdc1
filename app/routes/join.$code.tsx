import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationPage } from "../components/invitation-page";
import { findGroupByInviteCode, joinByInviteLink } from "../domain/groups/commands.server";
import { invitationPage } from "../domain/groups/invitation-page.server";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, readForm, respondToFailure } from "../lib/http.server";

/** A group's shareable invite link. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const group = await findGroupByInviteCode(context.db, params.code ?? "");
  return invitationPage(context.guardian, {
    locale: requestLocale(request, context.actor),
    here: new URL(request.url).pathname,
    group: group ? { name: group.name, description: group.description } : null,
  });
}

export { invitationMeta as meta } from "../components/invitation-page";
export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const result = await joinByInviteLink(context.db, context.guardian, params.code ?? "");
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/g/${result.slug}?notice=joined`);
}

export default function JoinByLink() {
  return <InvitationPage data={useLoaderData<typeof loader>()} failure={useActionData<typeof action>() as FormFailure | undefined} />;
}
