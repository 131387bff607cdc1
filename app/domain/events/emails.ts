import { formatDateTime, translator, type Locale } from "../../i18n/index";
import type { EmailMessage } from "../../lib/email.server";

export type EventEmailKind = "promoted" | "changed" | "cancelled" | "reminder" | "movedToWaitlist";

const KEYS = {
  promoted: ["email.event.promoted.subject", "email.event.promoted.body"],
  changed: ["email.event.changed.subject", "email.event.changed.body"],
  cancelled: ["email.event.cancelled.subject", "email.event.cancelled.body"],
  reminder: ["email.event.reminder.subject", "email.event.reminder.body"],
  movedToWaitlist: ["email.event.movedToWaitlist.subject", "email.event.movedToWaitlist.body"],
} as const;

/** An email about an event, in the member's language, with the event's time in its own zone and the .ics attached. */
export function eventEmail(
  kind: EventEmailKind,
  locale: Locale,
  to: { email: string; name: string },
  event: { title: string; startsAt: Date; timeZone: string; link: string; reason?: string | null },
  calendar: string,
  unsubscribe?: string,
): EmailMessage {
  const t = translator(locale);
  const [subject, body] = KEYS[kind];
  const when = `${formatDateTime(event.startsAt, locale, event.timeZone, { dateStyle: "full", timeStyle: "short" })} (${event.timeZone})`;
  return {
    to: to.email,
    subject: t(subject, { title: event.title }),
    text: t(body, { name: to.name, title: event.title, when, link: event.link, reason: event.reason ?? "" }) + (unsubscribe ? `\n\n${t("email.unsubscribeLine", { link: unsubscribe })}` : ""),
    calendar,
    ...(unsubscribe ? { headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } } : {}),
  };
}
