import { Link } from "@remix-run/react";
import { formatDateTime } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { AUDIT_ACTION_KEYS } from "./audit-actions";

export interface AuditRow {
  id: number;
  action: string;
  actor: string | null;
  target: string | null;
  label: string;
  reason: string;
  at: string;
  groupSlug?: string | null;
  groupName?: string | null;
}

/** The audit log as a table; with `showCircle` (site-wide) a column names the circle. */
export function AuditTable({ entries, showCircle = false }: { entries: AuditRow[]; showCircle?: boolean }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <table className="audit">
      <thead>
        <tr>
          <th scope="col">{t("audit.when")}</th>
          {showCircle ? <th scope="col">{t("audit.circle")}</th> : null}
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
            {showCircle ? <td>{e.groupSlug ? <Link to={`/g/${e.groupSlug}`}>{e.groupName}</Link> : null}</td> : null}
            <td>{e.actor ? `@${e.actor}` : t("audit.formerMember")}</td>
            <td>{AUDIT_ACTION_KEYS[e.action] ? t(AUDIT_ACTION_KEYS[e.action]!) : e.action}</td>
            <td>{[e.target ? `@${e.target}` : null, e.label || null].filter(Boolean).join(" · ")}</td>
            <td>{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows from `listAuditLog` as the table wants them (plain data for the page). */
export function toAuditRows(
  entries: Array<{
    id: number;
    action: string;
    actor_username: string | null;
    target_username: string | null;
    target_label: string;
    reason: string;
    created_at: Date;
    group_slug: string | null;
    group_name: string | null;
  }>,
): AuditRow[] {
  return entries.map((e) => ({
    id: e.id,
    action: e.action,
    actor: e.actor_username,
    target: e.target_username,
    label: e.target_label,
    reason: e.reason,
    at: e.created_at.toISOString(),
    groupSlug: e.group_slug,
    groupName: e.group_name,
  }));
}
