import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { suggestMentions } from "../domain/accounts/mentions.server";

/**
 * Suggestions for the @mention autocomplete of the post editor: members whose
 * username or name starts with what was typed. For signed-in members only;
 * the editor works without it (mentions are plain @name text).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "private, no-store" };
  if (!context.guardian.member) return json({ members: [] }, { status: 401, headers });
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().toLowerCase().slice(0, 30);
  if (!/^[\p{L}\p{N}_.-]{1,30}$/u.test(query)) return json({ members: [] }, { headers });
  return json({ members: await suggestMentions(context.db, query) }, { headers });
}
