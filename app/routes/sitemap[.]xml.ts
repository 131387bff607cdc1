import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapIndex } from "../domain/feeds/sitemap.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return new Response(await sitemapIndex(context.db, context.origin), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
