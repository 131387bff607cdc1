import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";

/**
 * Suggestions for the @mention autocomplete of the post editor: members whose
 * username or name starts with what was typed. For signed-in members only;
 * the editor works without it (mentions are plain @name text).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "private, no-store" };
  if (context.actor.kind !== "member") return json({ members: [] }, { status: 401, headers });
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().toLowerCase().slice(0, 30);
  if (!/^[\p{L}\p{N}_.-]{1,30}$/u.test(query)) return json({ members: [] }, { headers });
  // LIKE wildcards in what was typed are matched literally.
  const prefix = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const members = await context.db
    .selectFrom("members")
    .select(["username", "display_name"])
    .where((eb) => eb.or([eb("username", "like", prefix), eb(sql`lower(display_name)`, "like", prefix)]))
    .orderBy(sql`username like ${prefix}`, "desc")
    .orderBy("username")
    .limit(8)
    .execute();
  return json({ members: members.map((m) => ({ username: m.username, name: m.display_name })) }, { headers });
}
