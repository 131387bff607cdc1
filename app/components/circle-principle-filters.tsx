import { useTranslate } from "../i18n/react";

/** The "circle" and "principle" choices of a filter form (meetups, search). */
export function CirclePrincipleFilters({
  idPrefix,
  groups,
  principles,
  group,
  principle,
}: {
  idPrefix: string;
  groups: Array<{ slug: string; name: string }>;
  principles: Array<{ slug: string; label: string }>;
  group: string;
  principle: string;
}) {
  const t = useTranslate();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-group`}>{t("events.filter.group")}</label>
        <select id={`${idPrefix}-group`} name="group" defaultValue={group}>
          <option value="">{t("events.filter.allGroups")}</option>
          {groups.map((g) => (
            <option key={g.slug} value={g.slug}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-principle`}>{t("events.filter.principle")}</label>
        <select id={`${idPrefix}-principle`} name="principle" defaultValue={principle}>
          <option value="">{t("events.filter.allPrinciples")}</option>
          {principles.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
