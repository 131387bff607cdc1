import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import type { Locale } from "../../i18n/index";
import { listEvents } from "../events/queries.server";
import { FOREVER } from "../moderation/suspensions.server";
import { listPostsByMember } from "../threads/queries.server";
import { findPublicProfile } from "./queries.server";

/** A member's suspension as their profile shows it to site admins, or null when none is running. */
async function suspensionOf(db: Database, memberId: string) {
  const row = await db.selectFrom("members").select(["suspended_until", "suspension_reason"]).where("id", "=", memberId).executeTakeFirstOrThrow();
  if (!row.suspended_until || row.suspended_until < new Date()) return null;
  return { until: row.suspended_until.toISOString(), forGood: row.suspended_until.getTime() >= FOREVER.getTime(), reason: row.suspension_reason ?? "" };
}

/** A member's public profile page for this reader, or null (404): their posts the reader may see, one's own meetups, the admin's suspension tools. */
export async function loadProfilePage(db: Database, guardian: Guardian, username: string, locale: Locale) {
  const profile = await findPublicProfile(db, username);
  if (!profile) return null;
  const own = guardian.memberId === profile.id;
  const suspends = guardian.canModerateSite;
  return {
    profile,
    // One's own upcoming meetups, on one's own page only.
    myEvents: own ? await listEvents(db, guardian.actor, locale, { memberGoing: profile.id, limit: 10 }) : [],
    posts: await listPostsByMember(db, guardian.actor, profile.id),
    can: { edit: guardian.canEditProfile(profile), suspend: suspends && !own },
    suspension: suspends ? await suspensionOf(db, profile.id) : null,
  };
}

/** The language a member chose for the site, if any (set as the locale cookie when they sign in). */
export async function preferredLocale(db: Database, memberId: string): Promise<Locale | null> {
  const member = await db.selectFrom("members").select("locale").where("id", "=", memberId).executeTakeFirst();
  return member?.locale ?? null;
}

/** The address a member's confirmation link went to, and whether it is confirmed. */
export async function emailConfirmation(db: Database, memberId: string) {
  const member = await db.selectFrom("members").select(["email", "email_verified_at"]).where("id", "=", memberId).executeTakeFirstOrThrow();
  return { email: member.email, verified: member.email_verified_at !== null };
}
