import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isSiteAdmin } from "../auth/policy";
import { forbidden } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { listAuditLog } from "../domain/groups/queries.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { AUDIT_ACTION_KEYS } from "../components/audit-actions";

/** The site-wide audit log: every circle, for site admins. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireMember(context.actor, request);
  if (!isSiteAdmin(context.actor)) forbidden();
  const entries = await listAuditLog(context.db, null, 200);
  return {
    locale: requestLocale(request, context.actor),
    entries: entries.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor_username,
      target: e.target_username,
      label: e.target_label,
      reason: e.reason,
      groupSlug: e.group_slug,
      groupName: e.group_name,
      at: e.created_at.toISOString(),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("admin.audit")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SiteAudit() {
  const { entries } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  return (
    <div>
      <h1>{t("admin.audit")}</h1>
      <p>{t("admin.audit.intro")}</p>
      <table className="audit">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.circle")}</th>
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
              <td>{e.groupSlug ? <Link to={`/g/${e.groupSlug}`}>{e.groupName}</Link> : null}</td>
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
