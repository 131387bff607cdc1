import type { LoaderFunctionArgs } from "@remix-run/node";

/** Public pages are for everyone; personal and administrative ones are not for crawlers. */
export async function loader({ context }: LoaderFunctionArgs) {
  const origin = context.origin;
  const lines = [
    "User-agent: *",
    "Disallow: /settings",
    "Disallow: /notifications",
    "Disallow: /admin",
    "Disallow: /search",
    "Disallow: /calendar/",
    "Disallow: /unsubscribe",
    "Disallow: /dev/",
    "Allow: /",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ];
  return new Response(lines.join("\n"), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
