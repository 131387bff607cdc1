import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(3, { PAGE_CACHE_SECONDS: "300" });

const findThread = () =>
  forum.handle.db.selectFrom("threads").selectAll().where("title", "=", "Wanneer voelt werk voor jou als goed werk?").executeTakeFirstOrThrow();

/** A change behind the server's back, as another machine would make it: only the cache's lifetime or a write here reveals it. */
const renameQuietly = async (id: number, title: string) => {
  await forum.handle.db.updateTable("threads").set({ title }).where("id", "=", id).execute();
};

describe("the visitors' page cache", () => {
  it("serves visitors the same page until a write empties it; members and cookie holders always get a fresh page", async () => {
    const thread = await findThread();
    const url = `/t/${thread.id}/${thread.slug}`;
    expect(visibleText(await (await visitor().get(url)).text())).toContain("Wanneer voelt werk voor jou als goed werk?");
    await renameQuietly(thread.id, "Een stille nieuwe titel");
    // Cached for visitors…
    expect(visibleText(await (await visitor().get(url)).text())).toContain("Wanneer voelt werk voor jou als goed werk?");
    // …but never for members, nor for anyone carrying another cookie.
    const carmen = await as("carmen");
    const memberPage = await carmen.get(url);
    expect(visibleText(await memberPage.text())).toContain("Een stille nieuwe titel");
    // Nor by any cache between the forum and the browser: a member's page is private, and pages vary by cookie and language.
    expect(memberPage.headers.get("cache-control")).toBe("private, no-cache");
    const visitorPage = await visitor().get(url);
    expect(visitorPage.headers.get("cache-control")).toBe("no-cache");
    expect(visitorPage.headers.get("vary")).toMatch(/Cookie, Accept-Language/);
    expect(visibleText(await (await visitor().get(url, { cookie: "something=else" })).text())).toContain("Een stille nieuwe titel");

    // A write through the forum empties the cache.
    expect((await carmen.post(url, { intent: "post", body: "Een verse reactie", idempotencyKey: `cache-${Date.now()}` })).status).toBe(302);
    const fresh = visibleText(await (await visitor().get(url)).text());
    expect(fresh).toContain("Een stille nieuwe titel");
    expect(fresh).toContain("Een verse reactie");
    await renameQuietly(thread.id, "Wanneer voelt werk voor jou als goed werk?");
  });

  it("keeps each language apart and answers a hit with the nonce its scripts carry", async () => {
    const home = async (headers: Record<string, string>) => {
      const response = await visitor().get("/", headers);
      return { html: await response.text(), csp: response.headers.get("content-security-policy") ?? "" };
    };
    const dutch = await home({ "accept-language": "nl" });
    const english = await home({ "accept-language": "en-GB" });
    const englishAgain = await home({ "accept-language": "en-GB" });
    expect(dutch.html).toContain('lang="nl"');
    expect(english.html).toContain('lang="en"');
    expect(englishAgain.html).toBe(english.html);
    for (const page of [dutch, english, englishAgain]) {
      const nonce = /nonce="([^"]+)"/.exec(page.html)![1]!;
      expect(page.csp).toContain(`'nonce-${nonce}'`);
    }
  });
});
