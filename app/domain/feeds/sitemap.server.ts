import { sql } from "kysely";
import type { Database } from "../../../db/index";
import { PUBLIC_READER, readableEvents, readableGroups, readableThreads } from "../../auth/readable.server";

/** Threads per sitemap file (the protocol allows 50,000). */
export const THREADS_PER_SITEMAP = 10_000;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function urlset(entries: Array<{ loc: string; lastmod?: Date }>): string {
  const body = entries
    .map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ""}</url>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** The index: one file of pages (home, circles, principles, meetups) and as many thread files as needed. */
export async function sitemapIndex(db: Database, origin: string): Promise<string> {
  const count = await sql<{ n: string }>`
    select count(*) as n from threads join groups on groups.id = threads.group_id
    where ${readableThreads(PUBLIC_READER)}`.execute(db);
  const files = Math.max(1, Math.ceil(Number(count.rows[0]?.n ?? 0) / THREADS_PER_SITEMAP));
  const names = ["pages.xml", ...Array.from({ length: files }, (_, i) => `threads-${i + 1}.xml`)];
  const body = names.map((name) => `  <sitemap><loc>${escapeXml(`${origin}/sitemaps/${name}`)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

/** One file of the sitemap, or null when there is no such file. Public content only. */
export async function sitemapFile(db: Database, origin: string, name: string): Promise<string | null> {
  if (name === "pages.xml") {
    const [groups, principles, events] = await Promise.all([
      db.selectFrom("groups").select(["slug", "last_activity_at"]).where(readableGroups(PUBLIC_READER)).orderBy("slug").execute(),
      db.selectFrom("principles").select("slug").orderBy("position").execute(),
      db
        .selectFrom("events")
        .leftJoin("groups", "groups.id", "events.group_id")
        .select(["events.id", "events.updated_at"])
        .where(readableEvents(PUBLIC_READER))
        .orderBy("events.id")
        .limit(5000)
        .execute(),
    ]);
    return urlset([
      { loc: `${origin}/` },
      { loc: `${origin}/g` },
      { loc: `${origin}/e` },
      { loc: `${origin}/p` },
      ...groups.map((g) => ({ loc: `${origin}/g/${g.slug}`, lastmod: g.last_activity_at })),
      ...principles.map((p) => ({ loc: `${origin}/p/${p.slug}` })),
      ...events.map((e) => ({ loc: `${origin}/e/${e.id}`, lastmod: e.updated_at })),
    ]);
  }
  const match = /^threads-([1-9][0-9]{0,5})\.xml$/.exec(name);
  if (!match) return null;
  const page = Number(match[1]);
  const rows = await db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["threads.id", "threads.slug", "threads.last_posted_at"])
    .where(readableThreads(PUBLIC_READER))
    .orderBy("threads.id")
    .limit(THREADS_PER_SITEMAP)
    .offset((page - 1) * THREADS_PER_SITEMAP)
    .execute();
  if (rows.length === 0 && page > 1) return null;
  return urlset(rows.map((r) => ({ loc: `${origin}/t/${r.id}/${r.slug}`, lastmod: r.last_posted_at })));
}
