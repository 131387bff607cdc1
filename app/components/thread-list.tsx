import { Link } from "@remix-run/react";
import { formatDateTime } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";

interface Tag {
  slug: string;
  label: string;
  href: string;
}

interface ThreadItem {
  id: number;
  slug: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  replyCount: number;
  lastPostedAt: string;
  lastPoster: string | null;
  group: { slug: string; name: string };
  tags: Tag[];
  unread: { count: number; never: boolean } | null;
}

/** A thread's principle and theme tags as links. */
export function TagList({ tags }: { tags: Tag[] }) {
  const t = useTranslate();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t("threads.tags")}>
      {tags.map((tag) => (
        <li key={tag.href}>
          <Link to={tag.href} className="tag">
            {tag.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Threads with replies, last poster, tags and (for members) what is unread; `showGroup` for lists across circles. */
export function ThreadList({ threads, showGroup = false }: { threads: ThreadItem[]; showGroup?: boolean }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <ul className="thread-list">
      {threads.map((thread) => {
        const unread = thread.unread && thread.unread.count > 0 ? thread.unread : null;
        return (
          <li key={thread.id} className={unread ? "thread-item thread-item--unread" : "thread-item"}>
            <h3 className="thread-item__title">
              {thread.pinned ? <span className="badge">{t("threads.pinned")}</span> : null}{" "}
              {thread.locked ? <span className="badge">{t("threads.lockedBadge")}</span> : null}{" "}
              {thread.hidden ? <span className="badge badge--warn">{t("threads.hiddenBadge")}</span> : null}{" "}
              <Link to={`/t/${thread.id}/${thread.slug}`}>{thread.title}</Link>{" "}
              {unread ? (
                <span className="badge badge--unread">
                  {unread.never ? t("threads.new.badge") : t("threads.unread", { count: unread.count })}
                </span>
              ) : null}
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
            <TagList tags={thread.tags} />
          </li>
        );
      })}
    </ul>
  );
}
