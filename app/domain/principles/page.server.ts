import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import type { Locale } from "../../i18n/index";
import { listEvents } from "../events/queries.server";
import { watchLevels } from "../notifications/commands.server";
import { listPublicThreads } from "../threads/queries.server";
import { findPrincipleBySlug, listPrinciples } from "./queries.server";

/** A principle's page: its text, the other principles, public threads and meetups tagged with it, and whether the reader follows it; null when there is no such principle. */
export async function loadPrinciplePage(db: Database, guardian: Guardian, locale: Locale, slug: string) {
  const principle = await findPrincipleBySlug(db, slug, locale);
  if (!principle) return null;
  const others = (await listPrinciples(db, locale)).filter((p) => p.slug !== principle.slug);
  const threads = await listPublicThreads(db, locale, { principle: principle.slug, limit: 30 });
  const events = await listEvents(db, guardian.actor, locale, { principle: principle.slug, publicOnly: true, limit: 5 });
  const memberId = guardian.memberId;
  const watching = memberId ? (await watchLevels(db, memberId, { principle: principle.slug })).principle : null;
  return { principle, others, threads, events, watching };
}
