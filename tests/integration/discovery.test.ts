import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { withSeededForum } from "../helpers/forum";

const { visitor, as } = withSeededForum(10);
const parser = new Parser();
let counter = 0;
const key = () => `discovery-${++counter}-${Date.now()}`;

async function start(username: string, group: string, title: string, body: string) {
  const response = await (await as(username)).post(`/g/${group}/new`, { intent: "post", title, body, idempotencyKey: key() });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

describe("feeds", () => {
  it("offer RSS 2.0 and Atom for the forum, a public circle, a principle and a public thread, valid to an independent parser", async () => {
    const url = await start("carmen", "goed-werk-in-de-praktijk", "Feedgesprek over vakmanschap", "Vakmanschap **groeit** in de praktijk.");
    const threadId = /\/t\/(\d+)/.exec(url)![1];
    await start("bram", "leerkring-vakmanschap", "Besloten feedgesprek", "Alleen voor de leerkring.");
    for (const path of ["/feed.xml", "/feed.atom", "/g/goed-werk-in-de-praktijk/feed.xml", "/g/goed-werk-in-de-praktijk/feed.atom"]) {
      const response = await visitor().get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(path.endsWith(".atom") ? /application\/atom\+xml/ : /application\/rss\+xml/);
      const feed = await parser.parseString(await response.text());
      const titles = feed.items.map((i) => i.title ?? "");
      expect(titles.some((t) => t.startsWith("Feedgesprek over vakmanschap")), path).toBe(true);
      expect(titles.some((t) => t.startsWith("Besloten feedgesprek")), path).toBe(false);
      const item = feed.items.find((i) => i.title?.startsWith("Feedgesprek"))!;
      expect(item.link).toMatch(new RegExp(`/t/${threadId}/feedgesprek-over-vakmanschap$`));
    }
    const principle = await parser.parseString(await (await visitor().get("/p/goed-werk/feed.xml")).text());
    expect(principle.items.some((i) => i.title?.startsWith("Wanneer voelt werk voor jou als goed werk?"))).toBe(true);
    await (await as("daan")).post(url, { intent: "post", body: "Een reactie in de feed", idempotencyKey: key() });
    const thread = await parser.parseString(await (await visitor().get(`/t/${threadId}/feed.atom`)).text());
    expect(thread.items[0]!.link).toMatch(/#post-2$/);
    expect(thread.items[0]!.content).toContain("Een reactie in de feed");
    // Private circles and their threads have no feed at all.
    expect((await visitor().get("/g/leerkring-vakmanschap/feed.xml")).status).toBe(404);
    const privateThread = await start("bram", "leerkring-vakmanschap", "Nog een besloten gesprek", "Geheim");
    expect((await visitor().get(`/t/${/\/t\/(\d+)/.exec(privateThread)![1]}/feed.xml`)).status).toBe(404);
    expect((await (await as("daan")).get(`/t/${/\/t\/(\d+)/.exec(privateThread)![1]}/feed.xml`)).status).toBe(404);
  });

  it("are announced in the head of the pages they belong to", async () => {
    const home = await (await visitor().get("/")).text();
    expect(home).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(home).toContain('href="/feed.atom"');
    const group = await (await visitor().get("/g/goed-werk-in-de-praktijk")).text();
    expect(group).toContain('href="/g/goed-werk-in-de-praktijk/feed.xml"');
    expect(await (await (await as("daan")).get("/g/leerkring-vakmanschap")).text()).not.toContain("feed.xml");
  });
});

describe("pages for machines", () => {
  it("have canonical URLs, descriptions and OpenGraph tags from public text, and JSON-LD that cannot break out of its script", async () => {
    const title = "Titel met </script><script>alert(1)</script> erin";
    const url = await start("carmen", "goed-werk-in-de-praktijk", title, "Een **openbaar** begin van het gesprek.");
    const html = await (await visitor().get(url)).text();
    expect(html).toMatch(/<link rel="canonical" href="http:\/\/localhost:\d+\/t\/\d+\/titel-met-script-script-alert-1-script-erin"/);
    expect(html).toContain('<meta property="og:type" content="article"');
    expect(html).toContain('<meta name="description" content="Een openbaar begin van het gesprek."');
    const ld = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(ld).not.toContain("</script");
    expect(ld).toContain("\\u003c/script\\u003e");
    const data = JSON.parse(ld) as { "@type": string; headline: string };
    expect(data["@type"]).toBe("DiscussionForumPosting");
    expect(data.headline).toBe(title);
    expect(html).not.toContain("<script>alert(1)</script>");

    const event = await (await visitor().get("/e/1")).text();
    const eventLd = JSON.parse(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(event)![1]!) as { "@type": string; startDate: string };
    expect(eventLd["@type"]).toBe("Event");
    expect(new Date(eventLd.startDate).getTime()).toBeGreaterThan(Date.now());
    // A private circle's pages carry no JSON-LD and are not for indexing.
    const secret = await start("bram", "leerkring-vakmanschap", "Besloten metadata", "Niet voor zoekmachines");
    const privateHtml = await (await (await as("daan")).get(secret)).text();
    expect(privateHtml).not.toContain("application/ld+json");
    expect(privateHtml).toContain('<meta name="robots" content="noindex"');
  });

  it("list public content in a paged sitemap, named in robots.txt, and nothing private", async () => {
    await start("bram", "leerkring-vakmanschap", "Sitemapgeheim", "Niet in de sitemap");
    const robots = await (await visitor().get("/robots.txt")).text();
    expect(robots).toMatch(/^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m);
    expect(robots).toContain("Disallow: /settings");
    const index = await (await visitor().get("/sitemap.xml")).text();
    expect(index).toContain("<sitemapindex");
    const files = [...index.matchAll(/<loc>http:\/\/localhost:\d+(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files).toEqual(["/sitemaps/pages.xml", "/sitemaps/threads-1.xml"]);
    const pages = await (await visitor().get(files[0]!)).text();
    expect(pages).toContain("/g/goed-werk-in-de-praktijk</loc>");
    expect(pages).not.toContain("/g/leerkring-vakmanschap<");
    expect(pages).not.toContain("/g/professionele-vrienden<");
    const threads = await (await visitor().get(files[1]!)).text();
    expect(threads).toContain("wanneer-voelt-werk-voor-jou-als-goed-werk</loc>");
    expect(threads).not.toContain("sitemapgeheim");
    expect(threads).not.toContain("casus-de-werkdruk");
    expect((await visitor().get("/sitemaps/threads-99.xml")).status).toBe(404);
    expect((await visitor().get("/sitemaps/../../etc/passwd")).status).toBe(404);
  });
});
