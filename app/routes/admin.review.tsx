import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { ReviewQueue } from "../components/review-queue";
import { handleDecision } from "../domain/moderation/review-route.server";
import { reviewQueueFor } from "../domain/moderation/reports.server";
import { translator, type MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

/** Site admins: every open report, across circles. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireMember(context.actor, request);
  if (!context.guardian.canModerateSite) forbidden();
  return { locale: requestLocale(request, actor), items: await reviewQueueFor(context.db, context.guardian.actor, null) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("reports.queue")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  if (!context.guardian.canModerateSite) forbidden();
  return handleDecision(request, context, "/admin/review");
}

export default function SiteReview() {
  const { items } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { fieldErrors: Partial<Record<string, MessageKey>>; formError?: MessageKey; postId?: number } | undefined;
  const [searchParams] = useSearchParams();
  const t = useTranslate();
  return (
    <div>
      <p className="breadcrumb">
        <Link to="/admin/audit">{t("nav.admin")}</Link>
      </p>
      <h1>{t("reports.queue")}</h1>
      {searchParams.get("decided") ? <FormMessage kind="success">{t("reports.decided")}</FormMessage> : null}
      <FailureMessage failure={failure} />
      <ReviewQueue items={items} showGroup failedPostId={failure?.postId} failedError={failure?.fieldErrors.reason} />
    </div>
  );
}
