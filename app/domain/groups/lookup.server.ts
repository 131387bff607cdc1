import type { Database } from "../../../db/index";

/** A circle's slug by its id (for the address to send someone to after a command on it). */
export async function groupSlugOf(db: Database, groupId: string): Promise<string> {
  const group = await db.selectFrom("groups").select("slug").where("id", "=", groupId).executeTakeFirstOrThrow();
  return group.slug;
}
