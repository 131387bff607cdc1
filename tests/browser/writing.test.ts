import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { findChromium, openPage, signIn, useServerAndBrowser } from "../helpers/browser";

/**
 * Issue 15 end to end, the way a member writes: type, quote two posts, go
 * elsewhere and come back (the draft is there), attach an image and a PDF,
 * post; then a visitor reads it. In both languages, with and without
 * JavaScript. And a private circle's image answers a visitor like a missing file.
 */

const chromiumFound = findChromium();

const WORDS = {
  nl: {
    browserLocale: "nl-NL",
    circles: "Kringen",
    reply: "Je reactie",
    quote: "Citeren",
    saved: "Concept opgeslagen",
    saveDraft: "Concept bewaren",
    files: "Bestanden toevoegen",
    post: "Reactie plaatsen",
  },
  en: {
    browserLocale: "en-GB",
    circles: "Circles",
    reply: "Your reply",
    quote: "Quote",
    saved: "Draft saved",
    saveDraft: "Save draft",
    files: "Add files",
    post: "Post reply",
  },
} as const;

const photo = (background: string) => sharp({ create: { width: 640, height: 480, channels: 3, background } }).jpeg().toBuffer();
const pdf = Buffer.from(`%PDF-1.4\n% verslag van de kringbijeenkomst\n${"1".repeat(3000)}\n%%EOF\n`, "latin1");

/** The image at this address has loaded in the page (a refused one has no natural width). */
const imageLoaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const img = document.querySelector<HTMLImageElement>(s);
    return img !== null && img.complete && img.naturalWidth > 0;
  }, selector);

describe.skipIf("missing" in chromiumFound)("writing a reply end to end in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  const cases = [
    { lang: "nl", js: true, member: "carmen" },
    { lang: "en", js: true, member: "daan" },
    { lang: "nl", js: false, member: "eva" },
    { lang: "en", js: false, member: "anna" },
  ] as const;

  for (const { lang, js, member } of cases) {
    const w = WORDS[lang];
    const mode = js ? "with JavaScript" : "without JavaScript";
    it(`type → quote two posts → leave and come back → attach an image and a PDF → post → a visitor reads it (${lang}, ${mode})`, async () => {
      const base = env.server.url;
      const { page, errors } = await openPage(env.browser, { locale: w.browserLocale, javaScriptEnabled: js });
      await signIn(page, base, member);
      await page.goto(`${base}/g/goed-werk-in-de-praktijk`);
      await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
      await page.waitForURL(/\/t\/\d+\//);
      const threadUrl = page.url().split("#")[0]!.split("?")[0]!;
      const own = `${member} ${lang} ${js ? "js" : "nojs"}: mijn eigen woorden eerst`;

      const box = () => page.getByLabel(w.reply, { exact: true });
      await box().fill(own);
      const quotes = page.getByRole("button", { name: w.quote, exact: true });
      expect(await quotes.count()).toBeGreaterThanOrEqual(2);
      // Two different posts, one after the other: the second adds to the first.
      await quotes.nth(0).click();
      if (!js) await page.waitForURL(/#reply$/);
      await expect.poll(() => box().inputValue()).toMatch(/\n> /);
      await page.getByRole("button", { name: w.quote, exact: true }).nth(1).click();
      if (!js) await page.waitForLoadState("load");
      await expect.poll(async () => (await box().inputValue()).match(/^\[@[^\]]+\]\([^)]*#post-\d+\):$/gm)?.length ?? 0).toBe(2);
      const written = await box().inputValue();
      expect(written.startsWith(own)).toBe(true);
      const quotedPosts = [...written.matchAll(/#post-(\d+)\):$/gm)].map((m) => m[1]);
      expect(new Set(quotedPosts).size).toBe(2);

      // Leave for the circles page and come back: the draft is restored.
      if (js) {
        await page.getByText(w.saved).first().waitFor();
      } else {
        await page.getByRole("button", { name: w.saveDraft }).click();
        await page.getByText(w.saved).first().waitFor();
      }
      await page.getByRole("link", { name: w.circles, exact: true }).first().click();
      await page.waitForURL(`${base}/g`);
      await page.goto(threadUrl);
      await expect.poll(() => box().inputValue()).toBe(written);

      // Attach an image and a PDF with the file field (works with and without JavaScript), then post.
      const imageName = `zaal-${lang}-${js ? "js" : "nojs"}.jpg`;
      await page.getByLabel(w.files).setInputFiles([
        { name: imageName, mimeType: "image/jpeg", buffer: await photo(js ? "#2e7d32" : "#1d4e89") },
        { name: "verslag.pdf", mimeType: "application/pdf", buffer: pdf },
      ]);
      await page.getByRole("button", { name: w.post, exact: true }).click();
      await page.waitForURL(/#post-\d+$/);
      const postUrl = page.url();
      const postId = new URL(postUrl).hash.slice(1);
      const post = page.locator(`[id="${postId}"]`);
      await expect.poll(() => post.locator(".user-content").innerText()).toContain("mijn eigen woorden eerst");
      expect(await post.locator(".user-content blockquote").count()).toBe(2);
      const image = `[id="${postId}"] img[src$="/${imageName}?size=thumb"]`;
      await imageLoaded(page, image);
      expect(await post.getByRole("link", { name: /^verslag\.pdf \(3 kB\)$/ }).count()).toBe(1);

      // Posting used the draft up: the box is empty on the next visit.
      await page.goto(threadUrl);
      await expect.poll(() => box().inputValue()).toBe("");
      expect(errors).toEqual([]);

      // A visitor reads the post, the image included.
      const visitor = await openPage(env.browser, { locale: w.browserLocale, javaScriptEnabled: js });
      await visitor.page.goto(postUrl);
      await imageLoaded(visitor.page, image);
      expect(await visitor.page.locator(`[id="${postId}"]`).getByRole("link", { name: /^verslag\.pdf \(3 kB\)$/ }).count()).toBe(1);
      await visitor.page.context().close();
      await page.context().close();
    });
  }

  it("an image in a private circle's thread answers a visitor exactly like a missing file", async () => {
    const base = env.server.url;
    const w = WORDS.nl;
    const { page, errors } = await openPage(env.browser, { javaScriptEnabled: false });
    await signIn(page, base, "daan");
    await page.goto(`${base}/g/leerkring-vakmanschap`);
    await page.locator('main a[href^="/t/"]').first().click();
    await page.waitForURL(/\/t\/\d+\//);
    await page.getByLabel(w.reply, { exact: true }).fill("Foto van het bord");
    await page.getByLabel(w.files).setInputFiles({ name: "bord.jpg", mimeType: "image/jpeg", buffer: await photo("#9d174d") });
    await page.getByRole("button", { name: w.post, exact: true }).click();
    await page.waitForURL(/#post-\d+$/);
    const src = await page.locator('img[src$="/bord.jpg?size=thumb"]').last().getAttribute("src");
    expect(src).toMatch(/^\/files\/\d+\/bord\.jpg\?size=thumb$/);
    await imageLoaded(page, 'img[src$="/bord.jpg?size=thumb"]');
    const id = Number(/^\/files\/(\d+)\//.exec(src!)![1]);

    // A visitor (no session cookie) asks for the file and for an id that does not exist.
    const seen = await fetch(`${base}/files/${id}/bord.jpg`);
    const missing = await fetch(`${base}/files/${id + 100000}/bord.jpg`);
    expect(seen.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await seen.text()).toBe(await missing.text());
    expect(errors).toEqual([]);
  });
});
