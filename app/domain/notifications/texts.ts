import type { NotificationKind } from "../../../db/schema";
import type { Translate } from "../../i18n/index";
import type { MessageKey } from "../../i18n/nl";

/** A notification in words (the same in the list and in emails). */
export const NOTIFICATION_TEXT: Record<NotificationKind, MessageKey> = {
  reply: "notifications.reply",
  mention: "notifications.mention",
  quote: "notifications.quote",
  reaction: "notifications.reaction",
  new_thread: "notifications.newThread",
  request_approved: "notifications.requestApproved",
  request_declined: "notifications.requestDeclined",
  invitation: "notifications.invitation",
  event_promoted: "notifications.eventPromoted",
  event_changed: "notifications.eventChanged",
  event_cancelled: "notifications.eventCancelled",
  report_decided: "notifications.reportDecided",
  warning: "notifications.warning",
};

export const REPORT_OUTCOMES: Record<string, MessageKey> = {
  agreed: "reports.outcome.agreed",
  disagreed: "reports.outcome.disagreed",
  dismissed: "reports.outcome.dismissed",
};

/** A notification in the reader's words: the same sentence in the list and in its email. */
export function notificationText(
  t: Translate,
  n: { kind: NotificationKind; count: number; actor: string | null; title: string; detail: string },
): string {
  return t(n.kind === "reaction" && n.count === 1 ? "notifications.reactionOne" : NOTIFICATION_TEXT[n.kind], {
    actor: n.actor ?? t("audit.formerMember"),
    title: n.title,
    count: n.count,
    others: n.count - 1,
    detail: n.kind === "report_decided" ? t(REPORT_OUTCOMES[n.detail] ?? "reports.outcome.dismissed") : n.detail,
  });
}

/** What members choose per kind of email. */
export const EMAIL_KINDS = ["mention", "quote", "reply", "reaction", "new_thread", "circles", "events", "moderation", "digest"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_KIND_LABELS: Record<EmailKind, MessageKey> = {
  mention: "email.kind.mention",
  quote: "email.kind.quote",
  reply: "email.kind.reply",
  reaction: "email.kind.reaction",
  new_thread: "email.kind.newThread",
  circles: "email.kind.circles",
  events: "email.kind.events",
  moderation: "email.kind.moderation",
  digest: "email.kind.digest",
};

export const DEFAULT_FREQUENCY: Record<EmailKind, "immediately" | "daily" | "weekly" | "never"> = {
  mention: "immediately",
  quote: "immediately",
  reply: "immediately",
  reaction: "never",
  new_thread: "daily",
  circles: "immediately",
  events: "immediately",
  moderation: "immediately",
  digest: "weekly",
};

export function emailKindOf(kind: NotificationKind): EmailKind {
  switch (kind) {
    case "mention":
    case "quote":
    case "reply":
    case "reaction":
    case "new_thread":
      return kind;
    case "request_approved":
    case "request_declined":
    case "invitation":
      return "circles";
    case "event_promoted":
    case "event_changed":
    case "event_cancelled":
      return "events";
    case "report_decided":
    case "warning":
      return "moderation";
  }
}
