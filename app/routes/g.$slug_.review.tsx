import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { ReviewQueue } from "../components/review-queue";
import { handleDecision } from "../domain/moderation/review-route.server";
import { reviewQueueFor } from "../domain/moderation/reports.server";
import { translator, type MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, can } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!can.moderate) forbidden();
  return { locale: requestLocale(request, context.actor), group: { slug: group.slug, name: group.name }, items: await reviewQueueFor(context.db, context.guardian.actor, group.id) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("reports.queue")} · ${data.group.name} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { group, can } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!can.moderate) forbidden();
  return handleDecision(request, context, `/g/${group.slug}/review`);
}

export default function GroupReview() {
  const { group, items } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { fieldErrors: Partial<Record<string, MessageKey>>; formError?: MessageKey; postId?: number } | undefined;
  const [searchParams] = useSearchParams();
  const t = useTranslate();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("reports.queue")}</h1>
      {searchParams.get("decided") ? <FormMessage kind="success">{t("reports.decided")}</FormMessage> : null}
      <FailureMessage failure={failure} />
      <ReviewQueue items={items} showGroup={false} failedPostId={failure?.postId} failedError={failure?.fieldErrors.reason} />
    </div>
  );
}
