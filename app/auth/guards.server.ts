import type { Database } from "../../db/index";
import { findVisibleGroup } from "../domain/groups/queries.server";
import type { Guardian } from "./guardian.server";

/** Missing and invisible look exactly the same: one 404, one body. */
export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Visible but not allowed: 403, translated by the shared error page. */
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** A group the actor may see (else 404), with their standing (kept by the guardian) and the `can` object for the page. */
export async function requireVisibleGroup(db: Database, guardian: Guardian, slug: string | undefined) {
  if (!slug || !/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const found = await findVisibleGroup(db, guardian.actor, slug);
  if (!found) notFound();
  const { group, standing } = found;
  guardian.remember(group.id, standing);
  const can = await guardian.groupPermissions(group.id, { visibility: group.visibility, listed: group.listed, joinPolicy: group.join_policy });
  return { group, standing, can };
}
