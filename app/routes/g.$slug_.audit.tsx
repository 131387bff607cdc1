import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { listAuditLog } from "../domain/groups/queries.server";
import { AUDIT_ACTION_KEYS } from "../components/audit-actions";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, can } = await requireVisibleGroup(context.db, context.actor, params.slug);
  if (!can.moderate) forbidden();
  const entries = await listAuditLog(context.db, group.id);
  return {
    locale: requestLocale(request, context.actor),
    group: { slug: group.slug, name: group.name },
    entries: entries.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor_username,
      target: e.target_username,
      label: e.target_label,
      reason: e.reason,
      at: e.created_at.toISOString(),
    })),
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
  const locale = useLocale();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("groups.audit")}</h1>
      <p>{t("groups.audit.intro")}</p>
      {entries.length === 0 ? <p className="muted">{t("groups.audit.none")}</p> : null}
      <table className="audit">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.whom")}</th>
            <th scope="col">{t("audit.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(new Date(e.at), locale, undefined, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td>{e.actor ? `@${e.actor}` : t("audit.formerMember")}</td>
              <td>{AUDIT_ACTION_KEYS[e.action] ? t(AUDIT_ACTION_KEYS[e.action]!) : e.action}</td>
              <td>{[e.target ? `@${e.target}` : null, e.label || null].filter(Boolean).join(" · ")}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
