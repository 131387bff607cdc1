import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { suggestMentions } from "../domain/accounts/queries.server";

/**
 * Suggestions for the @mention autocomplete of the post editor: members whose
 * username or name starts with what was typed. For signed-in members only;
 * the editor works without it (mentions are plain @name text).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "private, no-store" };
  const thread = new URL(request.url).searchParams.get("thread") ?? "";
  const result = await suggestMentions(context.db, context.guardian.actor, new URL(request.url).searchParams.get("q") ?? "", {
    threadId: /^[1-9][0-9]{0,15}$/.test(thread) ? Number(thread) : undefined,
  });
  if (!result.ok) return json({ members: [] }, { status: result.status, headers });
  return json({ members: result.members }, { headers });
}
