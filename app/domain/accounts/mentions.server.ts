import { sql } from "kysely";
import type { Database } from "../../../db/index";

/** Members whose username or name starts with `query` (already lower-cased and checked), usernames that match first. */
export async function suggestMentions(db: Database, query: string) {
  // LIKE wildcards in what was typed are matched literally.
  const prefix = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const members = await db
    .selectFrom("members")
    .select(["username", "display_name"])
    .where((eb) => eb.or([eb("username", "like", prefix), eb(sql`lower(display_name)`, "like", prefix)]))
    .orderBy(sql`username like ${prefix}`, "desc")
    .orderBy("username")
    .limit(8)
    .execute();
  return members.map((m) => ({ username: m.username, name: m.display_name }));
}
