import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { listAuditLog } from "../domain/groups/queries.server";
import { AuditTable, toAuditRows } from "../components/audit-table";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, can } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!can.moderate) forbidden();
  const entries = await listAuditLog(context.db, group.id);
  return {
    locale: requestLocale(request, context.actor),
    group: { slug: group.slug, name: group.name },
    entries: toAuditRows(entries),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("groups.audit")} · ${data.group.name} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};


export default function GroupAudit() {
  const { group, entries } = useLoaderData<typeof loader>();
  const t = useTranslate();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("groups.audit")}</h1>
      <p>{t("groups.audit.intro")}</p>
      {entries.length === 0 ? <p className="muted">{t("groups.audit.none")}</p> : null}
      <AuditTable entries={entries} />
    </div>
  );
}
