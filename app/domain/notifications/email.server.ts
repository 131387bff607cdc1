import { createHmac, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../../db/index";
import type { EmailFrequency } from "../../../db/schema";
import { translator } from "../../i18n/index";
import type { EmailMessage } from "../../lib/email.server";
import type { JobQueue } from "../../lib/jobs.server";
import { instantToWallTime } from "../../lib/time-zones";
import { readableEvents, readableThreads, readerColumn } from "../../auth/readable.server";
import { DEFAULT_FREQUENCY, EMAIL_KINDS, EMAIL_KIND_LABELS, emailKindOf, notificationText, type EmailKind } from "./texts";
import { notificationHref, notificationQuery, notificationTitle } from "./queries.server";

export interface MailContext {
  jobs: JobQueue;
  origin: string;
}

async function secret(db: Database): Promise<string> {
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", "unsubscribe").executeTakeFirstOrThrow();
  return row.value;
}

const sign = (key: string, memberId: string, kind: string) => createHmac("sha256", key).update(`${memberId}:${kind}`).digest("base64url").slice(0, 32);

/** A link that turns one kind of email off without signing in (signed, so it cannot be forged for someone else). */
export async function unsubscribeUrl(db: Database, origin: string, memberId: string, kind: EmailKind): Promise<string> {
  return `${origin}/unsubscribe?${new URLSearchParams({ m: memberId, k: kind, s: sign(await secret(db), memberId, kind) })}`;
}

export async function verifyUnsubscribe(db: Database, memberId: string, kind: string, signature: string): Promise<boolean> {
  if (!(EMAIL_KINDS as readonly string[]).includes(kind) || !/^[0-9a-f-]{36}$/.test(memberId) || !/^[A-Za-z0-9_-]{32}$/.test(signature)) return false;
  const expected = Buffer.from(sign(await secret(db), memberId, kind));
  return timingSafeEqual(expected, Buffer.from(signature));
}

export async function emailPreferences(db: Database, memberId: string): Promise<Record<EmailKind, EmailFrequency>> {
  const rows = await db.selectFrom("email_preferences").select(["kind", "frequency"]).where("member_id", "=", memberId).execute();
  const chosen = Object.fromEntries(rows.map((r) => [r.kind, r.frequency]));
  return Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, (chosen[kind] as EmailFrequency | undefined) ?? DEFAULT_FREQUENCY[kind]])) as Record<EmailKind, EmailFrequency>;
}

export async function setEmailPreference(db: Database, memberId: string, kind: EmailKind, frequency: EmailFrequency) {
  await db
    .insertInto("email_preferences")
    .values({ member_id: memberId, kind, frequency })
    .onConflict((oc) => oc.columns(["member_id", "kind"]).doUpdateSet({ frequency }))
    .execute();
}

/** Whether this kind of email goes out at once to this member. */
export async function wantsImmediately(db: Database, memberId: string, kind: EmailKind): Promise<boolean> {
  return (await emailPreferences(db, memberId))[kind] === "immediately";
}

/** Headers and footer links every notification email carries. */
async function unsubscribeParts(db: Database, origin: string, memberId: string, kind: EmailKind) {
  const url = await unsubscribeUrl(db, origin, memberId, kind);
  return { url, headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}

/** Notifications with their recipient's address, name and language. */
function pendingQuery(db: Database) {
  return notificationQuery(db)
    .innerJoin("members", "members.id", "notifications.member_id")
    .select(["notifications.member_id", "members.email", "members.display_name", "members.locale"]);
}

type PendingRow = Awaited<ReturnType<ReturnType<typeof pendingQuery>["execute"]>>[number];

function describe(row: PendingRow, origin: string): { text: string; link: string } {
  const t = translator(row.locale ?? "nl");
  const text = notificationText(t, { kind: row.kind, count: row.count, actor: row.actor_name, title: notificationTitle(row), detail: row.detail });
  // Emails link to the post or meetup; anything else to the notifications page.
  return { text, link: `${origin}${notificationHref(row, { circles: false }) ?? "/notifications"}` };
}

/**
 * Emails each new notification to members who want that kind at once. Each
 * notification is claimed in the same transaction as its email job, so a
 * restart or a second process never sends it twice. Meetup emails go out
 * from the meetup itself (they carry the .ics), so they are only claimed here.
 */
export async function sendNotificationEmails(db: Database, ctx: MailContext): Promise<number> {
  const pending = (await pendingQuery(db)
    .where("notifications.emailed_at", "is", null)
    .where("notifications.created_at", ">", new Date(Date.now() - 2 * 86_400_000))
    .where("members.email_verified_at", "is not", null)
    .orderBy("notifications.id")
    .limit(200)
    .execute());
  let sent = 0;
  for (const row of pending) {
    const kind = emailKindOf(row.kind);
    // A notification about something the recipient can no longer read is claimed but not sent.
    const send = kind !== "events" && Boolean(row.readable) && (await wantsImmediately(db, row.member_id, kind));
    const message = send ? await notificationEmail(db, ctx.origin, row, kind) : null;
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable("notifications").set({ emailed_at: new Date() }).where("id", "=", row.id).where("emailed_at", "is", null).returning("id").executeTakeFirst();
      if (claimed && message) {
        await ctx.jobs.sendEmail(trx, message);
        sent++;
      }
    });
  }
  return sent;
}

async function notificationEmail(db: Database, origin: string, row: PendingRow, kind: EmailKind): Promise<EmailMessage> {
  const t = translator(row.locale ?? "nl");
  const { text, link } = describe(row, origin);
  const unsubscribe = await unsubscribeParts(db, origin, row.member_id, kind);
  return {
    to: row.email,
    subject: t("email.notification.subject", { text }),
    text: t("email.notification.body", { name: row.display_name, text, link, unsubscribe: unsubscribe.url, settings: `${origin}/settings/email` }),
    headers: unsubscribe.headers,
  };
}

/** ISO week of a date in Amsterdam, as "2026-W48". */
function isoWeek(date: Date): string {
  const [y, m, d] = instantToWallTime(date, "Europe/Amsterdam").slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Digests. Daily: the day's notifications of kinds a member wants daily.
 * Weekly (everyone who wants it, visited or not): new conversations in their
 * circles and watched principles, and upcoming meetups they can attend. One
 * per member per period, recorded with the email job.
 */
export async function sendDigests(db: Database, ctx: MailContext, now = new Date()): Promise<number> {
  let sent = 0;
  const day = `daily:${instantToWallTime(now, "Europe/Amsterdam").slice(0, 10)}`;
  const week = `weekly:${isoWeek(now)}`;
  const members = await db
    .selectFrom("members")
    .select(["id", "email", "display_name", "locale"])
    .where("email_verified_at", "is not", null)
    .where((eb) => eb.or([eb("suspended_until", "is", null), eb("suspended_until", "<", now)]))
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom("digest_runs").select("digest_runs.member_id").whereRef("digest_runs.member_id", "=", "members.id").where("digest_runs.period", "=", day))),
        eb.not(eb.exists(eb.selectFrom("digest_runs").select("digest_runs.member_id").whereRef("digest_runs.member_id", "=", "members.id").where("digest_runs.period", "=", week))),
      ]),
    )
    .limit(200)
    .execute();
  for (const member of members) {
    const prefs = await emailPreferences(db, member.id);
    const t = translator(member.locale ?? "nl");
    const settings = `${ctx.origin}/settings/email`;
    // Daily: notifications of kinds chosen "daily", from the last day.
    const dailyKinds = EMAIL_KINDS.filter((k) => prefs[k] === "daily");
    let daily: EmailMessage | null = null;
    if (dailyKinds.length > 0) {
      const rows = (await pendingQuery(db)
        .where("notifications.member_id", "=", member.id)
        .where("notifications.created_at", ">", new Date(now.getTime() - 86_400_000))
        .orderBy("notifications.id")
        .limit(50)
        .execute());
      const items = rows.filter((r) => r.readable && dailyKinds.includes(emailKindOf(r.kind))).map((r) => describe(r, ctx.origin));
      if (items.length > 0) {
        const unsubscribe = await unsubscribeParts(db, ctx.origin, member.id, emailKindOf(rows[0]!.kind));
        daily = {
          to: member.email,
          subject: t("email.digest.daily.subject"),
          text: t("email.digest.body", { name: member.display_name, items: [t("email.digest.notifications"), ...items.map((i) => `- ${i.text}\n  ${i.link}`)].join("\n"), unsubscribe: unsubscribe.url, settings }),
          headers: unsubscribe.headers,
        };
      }
    }
    let weekly: EmailMessage | null = null;
    if (prefs.digest === "weekly") {
      const since = new Date(now.getTime() - 7 * 86_400_000);
      // The readable filter keyed by this member (joined as `members`); a digest
      // announces only what all of the circle sees, so never hidden or deleted threads, not even to hosts.
      const reader = readerColumn("members.id");
      const threads = await sql<{ id: number; slug: string; title: string; name: string }>`
        select threads.id, threads.slug, threads.title, groups.name
        from threads join groups on groups.id = threads.group_id join members on members.id = ${member.id}
        where threads.created_at > ${since} and ${readableThreads(reader)} and threads.deleted_at is null and threads.hidden_at is null
          and (exists (select 1 from group_members gm2 where gm2.group_id = groups.id and gm2.member_id = members.id)
               or exists (select 1 from thread_principles tp join principle_watches pw on pw.principle_slug = tp.principle_slug
                          where tp.thread_id = threads.id and pw.member_id = members.id))
        order by threads.created_at desc limit 20`.execute(db);
      // Meetups of the member's own circles and of the whole network (a choice of what to announce, within what they may read).
      const events = await sql<{ id: number; title: string; starts_at: Date; time_zone: string }>`
        select events.id, events.title, events.starts_at, events.time_zone
        from events left join groups on groups.id = events.group_id join members on members.id = ${member.id}
        where events.starts_at > ${now} and events.starts_at < ${new Date(now.getTime() + 14 * 86_400_000)} and events.cancelled_at is null
          and ${readableEvents(reader)}
          and (events.group_id is null or exists (select 1 from group_members gm where gm.group_id = events.group_id and gm.member_id = members.id))
        order by events.starts_at limit 10`.execute(db);
      if (threads.rows.length + events.rows.length > 0) {
        const unsubscribe = await unsubscribeParts(db, ctx.origin, member.id, "digest");
        const lines = [
          ...(threads.rows.length ? [t("email.digest.newThreads"), ...threads.rows.map((r) => `- ${r.title} (${r.name})\n  ${ctx.origin}/t/${r.id}/${r.slug}`), ""] : []),
          ...(events.rows.length
            ? [t("email.digest.events"), ...events.rows.map((e) => `- ${e.title}, ${instantToWallTime(new Date(e.starts_at), e.time_zone).replace("T", " ")} (${e.time_zone})\n  ${ctx.origin}/e/${e.id}`)]
            : []),
        ];
        weekly = {
          to: member.email,
          subject: t("email.digest.weekly.subject"),
          text: t("email.digest.body", { name: member.display_name, items: lines.join("\n"), unsubscribe: unsubscribe.url, settings }),
          headers: unsubscribe.headers,
        };
      }
    }
    await db.transaction().execute(async (trx) => {
      const claimedDay = await trx.insertInto("digest_runs").values({ member_id: member.id, period: day }).onConflict((oc) => oc.doNothing()).returning("period").executeTakeFirst();
      if (claimedDay && daily) {
        await ctx.jobs.sendEmail(trx, daily);
        sent++;
      }
      const claimedWeek = await trx.insertInto("digest_runs").values({ member_id: member.id, period: week }).onConflict((oc) => oc.doNothing()).returning("period").executeTakeFirst();
      if (claimedWeek && weekly) {
        await ctx.jobs.sendEmail(trx, weekly);
        sent++;
      }
    });
  }
  return sent;
}

export { EMAIL_KIND_LABELS };
