import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { sitemapFile } from "../domain/feeds/sitemap.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const body = await sitemapFile(context.db, context.origin, params.name ?? "");
  if (body === null) notFound();
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
