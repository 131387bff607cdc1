import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forbidden } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { listAuditLog } from "../domain/groups/queries.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { AuditTable, toAuditRows } from "../components/audit-table";

/** The site-wide audit log: every circle, for site admins. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireMember(context.actor, request);
  if (!context.guardian.canModerateSite) forbidden();
  const entries = await listAuditLog(context.db, null, 200);
  return {
    locale: requestLocale(request, context.actor),
    entries: toAuditRows(entries),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("admin.audit")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SiteAudit() {
  const { entries } = useLoaderData<typeof loader>();
  const t = useTranslate();
  return (
    <div>
      <h1>{t("admin.audit")}</h1>
      <p>{t("admin.audit.intro")}</p>
      <p>
        <Link to="/admin/review">{t("reports.queue")}</Link>
      </p>
      <AuditTable entries={entries} showCircle />
    </div>
  );
}
