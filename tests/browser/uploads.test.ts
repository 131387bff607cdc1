import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { findChromium, openPage, signIn, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

const photo = (background: string) => sharp({ create: { width: 800, height: 600, channels: 3, background } }).jpeg().toBuffer();
const pdf = Buffer.from(`%PDF-1.4\n% verslag\n${"0".repeat(5000)}\n%%EOF\n`, "latin1");

async function firstPublicThread(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/g/goed-werk-in-de-praktijk`);
  const href = await page.locator('a[href^="/t/"]').first().getAttribute("href");
  return `${base}${href!.split("?")[0]!.split("#")[0]}`;
}

/** Whether the image has loaded (a broken or refused image has no natural width). */
const loaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const img = document.querySelector<HTMLImageElement>(s);
    return img !== null && img.complete && img.naturalWidth > 0;
  }, selector);

describe.skipIf("missing" in chromiumFound)("files in posts in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  it("without JavaScript: the file field attaches an image and a PDF to a reply; a visitor sees the image", async () => {
    const base = env.server.url;
    const { page, errors } = await openPage(env.browser, { javaScriptEnabled: false });
    await signIn(page, base, "carmen");
    const thread = await firstPublicThread(page, base);
    await page.goto(thread);
    await page.getByLabel("Je reactie").fill("Zo zag het eruit");
    await page.getByLabel("Bestanden toevoegen").setInputFiles([
      { name: "zaal.jpg", mimeType: "image/jpeg", buffer: await photo("#2e7d32") },
      { name: "verslag.pdf", mimeType: "application/pdf", buffer: pdf },
    ]);
    await page.getByRole("button", { name: "Reactie plaatsen" }).click();
    await page.waitForURL(/#post-\d+$/);
    const image = 'img[src$="/zaal.jpg?size=thumb"]';
    await loaded(page, image);
    expect(await page.locator(image).getAttribute("alt")).toBe("zaal.jpg");
    await expect.poll(() => page.getByRole("link", { name: /^verslag\.pdf \(5 kB\)$/ }).count()).toBe(1);

    const { page: visitorPage } = await openPage(env.browser, { javaScriptEnabled: false });
    await visitorPage.goto(thread);
    await loaded(visitorPage, image);
    expect(errors).toEqual([]);
  });

  it("with JavaScript: dropping a file on the text box uploads it and inserts its Markdown, which posts as an image", async () => {
    const base = env.server.url;
    const { page, errors } = await openPage(env.browser, { javaScriptEnabled: true });
    await signIn(page, base, "daan");
    await page.goto(await firstPublicThread(page, base));
    const body = page.getByLabel("Je reactie");
    await body.fill("Kijk:");
    const bytes = (await photo("#1d4e89")).toString("base64");
    await page.evaluate((data) => {
      const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], "gesleept.jpg", { type: "image/jpeg" });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const textarea = document.querySelector("#field-body")!;
      textarea.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      textarea.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await expect.poll(() => body.inputValue()).toMatch(/^Kijk:\n\n!\[gesleept\.jpg\]\(\/files\/\d+\/gesleept\.jpg\?w=800&h=600\)\n\n$/);
    await expect.poll(() => page.getByText("Toegevoegd: gesleept.jpg").count()).toBe(1);
    await page.getByRole("button", { name: "Reactie plaatsen" }).click();
    await page.waitForURL(/#post-\d+$/);
    await loaded(page, 'img[src$="/gesleept.jpg?size=thumb"]');
    expect(errors).toEqual([]);
  });

  it("an avatar uploaded on the settings page shows on the member's posts", async () => {
    const base = env.server.url;
    const { page, errors } = await openPage(env.browser, { javaScriptEnabled: false });
    await signIn(page, base, "carmen");
    await page.goto(`${base}/settings`);
    await page.getByLabel("Kies een foto").setInputFiles({ name: "ik.png", mimeType: "image/png", buffer: await sharp({ create: { width: 300, height: 200, channels: 3, background: "#9d174d" } }).png().toBuffer() });
    await page.getByRole("button", { name: "Profielfoto opslaan" }).click();
    await page.getByText("Je profielfoto is opgeslagen.").waitFor();
    await page.goto(await firstPublicThread(page, base));
    const avatar = 'a[href="/u/carmen"] img.avatar--photo';
    await loaded(page, avatar);
    expect(await page.locator(avatar).first().getAttribute("src")).toMatch(/^\/avatars\/carmen\/1-96\.webp$/);
    expect(errors).toEqual([]);
  });
});
