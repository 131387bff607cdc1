import type { Database } from "../../db/index";
import type { Config } from "./env.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar file to attach (event invitations, changes, cancellations). */
  calendar?: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

/**
 * Delivers one email. With EMAIL_API_URL set: a JSON POST to that API
 * (Idempotency-Key = the job id, so a retried job is not sent twice by a
 * well-behaved API). Without it: into the dev mailbox shown at /dev/mail.
 * `deliveryKey` makes a repeated delivery of the same job a no-op.
 */
export async function deliverEmail(
  db: Database,
  config: Config,
  message: EmailMessage,
  deliveryKey: string,
): Promise<void> {
  if (config.EMAIL_API_URL) {
    const response = await fetch(config.EMAIL_API_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": deliveryKey,
        ...(config.EMAIL_API_KEY ? { authorization: `Bearer ${config.EMAIL_API_KEY}` } : {}),
      },
      body: JSON.stringify({
        from: config.EMAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
        ...(message.calendar ? { attachments: [{ filename: "event.ics", contentType: "text/calendar; charset=utf-8", content: message.calendar }] } : {}),
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(`Email API answered ${response.status} for delivery ${deliveryKey}`);
    }
    return;
  }
  await db
    .insertInto("dev_mailbox")
    .values({ delivery_key: deliveryKey, to_address: message.to, subject: message.subject, body_text: message.text, calendar: message.calendar ?? null, headers: message.headers ? JSON.stringify(message.headers) : null })
    .onConflict((oc) => oc.column("delivery_key").doNothing())
    .execute();
}
