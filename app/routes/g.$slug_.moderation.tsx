import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireVisibleGroup } from "../auth/guards.server";
import { publicModerationLog } from "../domain/moderation/reports.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

/** What was hidden in a circle and why: no content, no names of reporters. As visible as the circle. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  return {
    locale: requestLocale(request, context.actor),
    group: { slug: group.slug, name: group.name },
    entries: await publicModerationLog(context.db, context.guardian.actor, group.id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("moderation.title")} · ${data.group.name} · ${t("site.name")}` }];
};

export default function ModerationLog() {
  const { group, entries } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("moderation.title")}</h1>
      <p>{t("moderation.intro")}</p>
      {entries.length === 0 ? (
        <p className="muted">{t("moderation.none")}</p>
      ) : (
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, i) => (
              <tr key={i}>
                <td>{formatDateTime(new Date(entry.at), locale, undefined, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>
                  {t(entry.action === "post.restore" ? "moderation.restored" : "moderation.hidden")}
                  {entry.what ? `: ${entry.what}` : null}
                </td>
                <td>{entry.reason === "reports.autoHiddenReason" ? t("reports.autoHiddenReason") : entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
