import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { quotePost } from "../domain/threads/queries.server";

/**
 * A post as a Markdown quote that links back to it (`{ markdown }`), for the
 * Quote buttons with JavaScript. Only for readers who may read the post, and
 * never a hidden one; anything else is the shared 404.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!params.id || !/^[1-9][0-9]{0,15}$/.test(params.id)) notFound();
  const markdown = await quotePost(context.db, context.guardian.actor, null, Number(params.id));
  if (markdown === null) notFound();
  // Depends on who asks: never kept by the visitors' page cache or a shared cache.
  return json({ markdown }, { headers: { "Cache-Control": "private, no-store" } });
}
