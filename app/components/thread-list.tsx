import { Link } from "@remix-run/react";
import { formatDateTime } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";

interface ThreadItem {
  id: number;
  slug: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  lastPostedAt: string;
  lastPoster: string | null;
  group: { slug: string; name: string };
  principles: Array<{ slug: string; label: string }>;
}

/** Threads with replies, last poster and tags; `showGroup` for lists across circles. */
export function ThreadList({ threads, showGroup = false }: { threads: ThreadItem[]; showGroup?: boolean }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <li key={thread.id} className="thread-item">
          <h3 className="thread-item__title">
            {thread.pinned ? <span className="badge">{t("threads.pinned")}</span> : null}{" "}
            {thread.locked ? <span className="badge">{t("threads.lockedBadge")}</span> : null}{" "}
            <Link to={`/t/${thread.id}/${thread.slug}`}>{thread.title}</Link>
          </h3>
          <p className="muted">
            {showGroup ? (
              <>
                <Link to={`/g/${thread.group.slug}`}>{thread.group.name}</Link> ·{" "}
              </>
            ) : null}
            {t("threads.replies", { count: thread.replyCount })} ·{" "}
            {t("threads.lastPost", {
              name: thread.lastPoster ?? t("audit.formerMember"),
              date: formatDateTime(new Date(thread.lastPostedAt), locale, undefined, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          {thread.principles.length > 0 ? (
            <ul className="tag-list" aria-label={t("threads.tags")}>
              {thread.principles.map((p) => (
                <li key={p.slug}>
                  <Link to={`/p/${p.slug}`} className="tag">
                    {p.label}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
