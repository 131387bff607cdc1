import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapIndex } from "../domain/feeds/sitemap.server";
import { publicOrigin } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return new Response(await sitemapIndex(context.db, publicOrigin(request, context.config)), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
