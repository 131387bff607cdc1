import type { LoaderFunctionArgs } from "@remix-run/node";
import { Feed } from "feed";
import { notFound } from "../../auth/guards.server";
import { PUBLIC_READER, readableGroups, readablePosts, readableThreads } from "../../auth/readable.server";
import { translator } from "../../i18n/index";
import { requestLocale } from "../../i18n/request.server";
import type { Database } from "../../../db/index";
import { postPath } from "../threads/schema";

export type FeedFormat = "rss" | "atom";

interface FeedItem {
  title: string;
  link: string;
  html: string;
  author: string | null;
  date: Date;
}

const LIMIT = 30;

function render(format: FeedFormat, channel: { title: string; description: string; link: string; self: string; language: string }, items: FeedItem[]): string {
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    id: channel.link,
    link: channel.link,
    language: channel.language,
    copyright: "",
    updated: items[0]?.date ?? new Date(0),
    feedLinks: format === "atom" ? { atom: channel.self } : { rss: channel.self },
    generator: "Goed Werk Netwerk",
  });
  for (const item of items) {
    feed.addItem({
      title: item.title,
      id: item.link,
      link: item.link,
      content: item.html,
      description: item.html,
      author: item.author ? [{ name: item.author }] : undefined,
      date: item.date,
    });
  }
  return format === "atom" ? feed.atom1() : feed.rss2();
}

/** New public conversations (opening posts), for the whole forum, a public circle or a principle. */
async function publicThreadItems(db: Database, origin: string, filter: { groupId?: string; principle?: string }): Promise<FeedItem[]> {
  let query = db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .innerJoin("posts", (join) => join.onRef("posts.thread_id", "=", "threads.id").on("posts.number", "=", 1))
    .leftJoin("members", "members.id", "threads.author_id")
    .select(["threads.id", "threads.slug", "threads.title", "threads.created_at", "posts.body_html", readablePosts(PUBLIC_READER).as("readable"), "members.display_name", "groups.name as group_name"])
    .where(readableThreads(PUBLIC_READER))
    .orderBy("threads.created_at", "desc")
    .limit(LIMIT);
  if (filter.groupId) query = query.where("threads.group_id", "=", filter.groupId);
  if (filter.principle) {
    const slug = filter.principle;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom("thread_principles").select("thread_principles.thread_id").whereRef("thread_principles.thread_id", "=", "threads.id").where("thread_principles.principle_slug", "=", slug)),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    title: `${r.title} (${r.group_name})`,
    link: `${origin}/t/${r.id}/${r.slug}`,
    html: r.readable ? r.body_html : "",
    author: r.display_name,
    date: r.created_at,
  }));
}

export async function forumFeed(db: Database, origin: string, format: FeedFormat, language: "nl" | "en", title: string, description: string) {
  const items = await publicThreadItems(db, origin, {});
  return render(format, { title, description, link: `${origin}/`, self: `${origin}/feed.${format === "atom" ? "atom" : "xml"}`, language }, items);
}

export async function groupFeed(db: Database, origin: string, format: FeedFormat, slug: string, language: "nl" | "en") {
  const group = await db.selectFrom("groups").select(["id", "name", "description"]).where("slug", "=", slug).where(readableGroups(PUBLIC_READER)).executeTakeFirst();
  if (!group) return null;
  const items = await publicThreadItems(db, origin, { groupId: group.id });
  return render(format, { title: group.name, description: group.description, link: `${origin}/g/${slug}`, self: `${origin}/g/${slug}/feed.${format === "atom" ? "atom" : "xml"}`, language }, items);
}

export async function principleFeed(db: Database, origin: string, format: FeedFormat, slug: string, language: "nl" | "en") {
  const principle = await db.selectFrom("principles").select(["slug", "label_nl", "label_en", "description_nl", "description_en"]).where("slug", "=", slug).executeTakeFirst();
  if (!principle) return null;
  const items = await publicThreadItems(db, origin, { principle: slug });
  return render(
    format,
    {
      title: language === "en" ? principle.label_en : principle.label_nl,
      description: language === "en" ? principle.description_en : principle.description_nl,
      link: `${origin}/p/${slug}`,
      self: `${origin}/p/${slug}/feed.${format === "atom" ? "atom" : "xml"}`,
      language,
    },
    items,
  );
}

/** The latest posts of a public thread. */
export async function threadFeed(db: Database, origin: string, format: FeedFormat, threadId: number, language: "nl" | "en") {
  const thread = await db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["threads.id", "threads.slug", "threads.title", "groups.name"])
    .where("threads.id", "=", threadId)
    .where(readableThreads(PUBLIC_READER))
    .executeTakeFirst();
  if (!thread) return null;
  const posts = await db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .leftJoin("members", "members.id", "posts.author_id")
    .select(["posts.number", "posts.body_html", "posts.created_at", readablePosts(PUBLIC_READER).as("readable"), "members.display_name"])
    .where("posts.thread_id", "=", threadId)
    .orderBy("posts.number", "desc")
    .limit(LIMIT)
    .execute();
  const link = `${origin}/t/${thread.id}/${thread.slug}`;
  const items = posts.map((p) => {
    return {
      title: `${thread.title} #${p.number}`,
      link: `${origin}${postPath(thread.id, thread.slug, p.number)}`,
      html: p.readable ? p.body_html : "",
      author: p.display_name,
      date: p.created_at,
    };
  });
  return render(format, { title: thread.title, description: thread.name, link, self: `${origin}/t/${thread.id}/feed.${format === "atom" ? "atom" : "xml"}`, language }, items);
}

export function feedResponse(body: string, format: FeedFormat): Response {
  return new Response(body, {
    headers: {
      "Content-Type": format === "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}

type FeedScope = "forum" | "group" | "principle" | "thread";

/** The loader of a feed route: one per scope and format, all public content only (404 otherwise). */
export function feedLoader(scope: FeedScope, format: FeedFormat) {
  return async ({ request, params, context }: LoaderFunctionArgs) => {
    const origin = context.origin;
    const locale = requestLocale(request, context.actor);
    let body: string | null = null;
    if (scope === "forum") {
      const t = translator(locale);
      body = await forumFeed(context.db, origin, format, locale, t("site.name"), t("site.description"));
    } else if (scope === "thread") {
      if (params.id && /^[1-9][0-9]{0,15}$/.test(params.id)) body = await threadFeed(context.db, origin, format, Number(params.id), locale);
    } else if (params.slug && /^[a-z0-9-]{1,64}$/.test(params.slug)) {
      body = scope === "group" ? await groupFeed(context.db, origin, format, params.slug, locale) : await principleFeed(context.db, origin, format, params.slug, locale);
    }
    if (body === null) notFound();
    return feedResponse(body, format);
  };
}
