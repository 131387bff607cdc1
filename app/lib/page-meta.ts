import type { MetaDescriptor } from "@remix-run/node";

/** Plain text from stored post HTML, for descriptions (already sanitised; tags dropped, entities kept). */
export function excerpt(html: string, length = 200): string {
  const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/**
 * Title, description, canonical URL, OpenGraph and Twitter card tags, and
 * feed autodiscovery links for a page. Callers pass only public text.
 */
export function pageMeta({
  title,
  description,
  url,
  type = "website",
  siteName,
  feeds = [],
  noindex = false,
}: {
  title: string;
  description?: string;
  url: string;
  type?: "website" | "article" | "profile";
  siteName: string;
  feeds?: Array<{ title: string; href: string; format: "rss" | "atom" }>;
  noindex?: boolean;
}): MetaDescriptor[] {
  const tags: MetaDescriptor[] = [
    { title },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:title", content: title },
    { property: "og:type", content: type },
    { property: "og:url", content: url },
    { property: "og:site_name", content: siteName },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: title },
  ];
  if (description) {
    tags.push({ name: "description", content: description }, { property: "og:description", content: description }, { name: "twitter:description", content: description });
  }
  for (const feed of feeds) {
    tags.push({
      tagName: "link",
      rel: "alternate",
      type: feed.format === "atom" ? "application/atom+xml" : "application/rss+xml",
      title: feed.title,
      href: feed.href,
    });
  }
  if (noindex) tags.push({ name: "robots", content: "noindex" });
  return tags;
}

/** JSON for a <script type="application/ld+json">: nothing in it can end the script or open markup. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
