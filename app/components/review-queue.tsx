import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "../i18n/index";
import { formatDateTime } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";

interface Item {
  target: "post" | "event";
  postId: number;
  href: string;
  threadTitle: string;
  groupName: string;
  author: string | null;
  /** Null when the post was deleted. */
  excerpt: string | null;
  hidden: boolean;
  reports: Array<{ reason: "spam" | "rude" | "off_topic" | "other"; text: string; reporter: string; at: string }>;
}

const REASON_KEYS: Record<Item["reports"][number]["reason"], MessageKey> = {
  spam: "reports.reason.spam",
  rude: "reports.reason.rude",
  off_topic: "reports.reason.off_topic",
  other: "reports.reason.other",
};

/** Open reports, one item per post, each with the three decisions as real forms. */
export function ReviewQueue({
  items,
  showGroup,
  failedPostId,
  failedError,
}: {
  items: Item[];
  showGroup: boolean;
  failedPostId?: number;
  failedError?: MessageKey;
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (items.length === 0) return <p className="muted">{t("reports.queue.none")}</p>;
  return (
    <ul className="review-list">
      {items.map((item) => (
        <li key={`${item.target}-${item.postId}`} className="review-item">
          <h2 className="review-item__title">
            <Link to={item.href}>{item.threadTitle}</Link>
          </h2>
          <p className="muted">
            {showGroup ? `${item.groupName} · ` : null}
            {item.author ?? t("audit.formerMember")} · {t("reports.queue.count", { count: item.reports.length })}
            {item.hidden ? ` · ${t("reports.queue.hiddenAlready")}` : null}
          </p>
          {item.excerpt === null ? (
            <p className="muted">{t("threads.postDeleted")}</p>
          ) : (
            <blockquote className="review-item__excerpt">{item.excerpt}</blockquote>
          )}
          <ul>
            {item.reports.map((r, i) => (
              <li key={i}>
                <strong>{t(REASON_KEYS[r.reason])}</strong> — {r.reporter}, {formatDateTime(new Date(r.at), locale, undefined, { dateStyle: "medium", timeStyle: "short" })}
                {r.text ? <>: “{r.text}”</> : null}
              </li>
            ))}
          </ul>
          <Form method="post" noValidate className="review-item__decide">
            <input type="hidden" name={item.target === "event" ? "eventId" : "postId"} value={item.postId} />
            <div className={failedPostId === item.postId && failedError ? "field field--invalid" : "field"}>
              <label htmlFor={`decision-reason-${item.postId}`}>{t("reports.decision.reason")}</label>
              <input id={`decision-reason-${item.postId}`} name="reason" maxLength={500} />
              {failedPostId === item.postId && failedError ? <p className="field__error">{t(failedError)}</p> : null}
            </div>
            {item.target === "post" ? (
            <div className="field">
              <label htmlFor={`sanction-${item.postId}`}>{t("reports.sanction")}</label>
              <select id={`sanction-${item.postId}`} name="sanction" defaultValue="none">
                <option value="none">{t("reports.sanction.none")}</option>
                <option value="warn">{t("reports.sanction.warn")}</option>
                <option value="remove">{t("reports.sanction.remove")}</option>
              </select>
            </div>
            ) : null}
            <div className="button-row">
              <button type="submit" name="decision" value="agree" className="button">
                {t(item.target === "event" ? "reports.decision.agreeEvent" : "reports.decision.agree")}
              </button>
              <button type="submit" name="decision" value="disagree" className="button button--secondary">
                {t("reports.decision.disagree")}
              </button>
              <button type="submit" name="decision" value="dismiss" className="button button--secondary">
                {t("reports.decision.dismiss")}
              </button>
            </div>
          </Form>
        </li>
      ))}
    </ul>
  );
}
