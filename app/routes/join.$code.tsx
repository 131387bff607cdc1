import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationPage } from "../components/invitation-page";
import { findGroupByInviteCode, joinByInviteLink } from "../domain/groups/commands.server";
import { translator } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, readForm, respondToFailure } from "../lib/http.server";

/** A group's shareable invite link. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const group = await findGroupByInviteCode(context.db, params.code ?? "");
  return {
    locale: requestLocale(request, context.actor),
    group: group ? { name: group.name, description: group.description } : null,
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
  const result = await joinByInviteLink(context.db, context.guardian, params.code ?? "");
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/g/${result.slug}?notice=joined`);
}

export default function JoinByLink() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return <InvitationPage group={data.group} signedIn={data.signedIn} verified={data.verified} here={data.here} failure={failure} />;
}
