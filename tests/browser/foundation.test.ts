import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

describe.skipIf("missing" in chromiumFound)("the forum in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  it("renders the home page in Dutch, without console errors or serious accessibility problems", async () => {
    const { page, errors } = await openPage(env.browser);
    const response = await page.goto(env.server.url);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    expect(await page.textContent("h1")).toBe("Welkom bij het Goed Werk Netwerk");
    expect(await page.locator("main h3 a").allTextContents()).toContain("Positief mensbeeld");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("switches to English with JavaScript, without a full page load, and remembers it", async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.server.url}/p/goed-werk`);
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => ((window as unknown as { stayedHere: boolean }).stayedHere = true));
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(page.url()).toBe(`${env.server.url}/p/goed-werk`);
    expect(await page.textContent("h1")).toBe("Good work in organisations");
    expect(await page.evaluate(() => (window as unknown as { stayedHere?: boolean }).stayedHere)).toBe(true);
    await page.goto(env.server.url);
    expect(await page.textContent("h1")).toBe("Welcome to the Good Work Network");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // And back to Dutch.
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "nl");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("switches to English without JavaScript (the form posts and redirects back)", async () => {
    const { page, errors } = await openPage(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.server.url}/p/verbindingen`);
    await Promise.all([page.waitForURL(`${env.server.url}/p/verbindingen`), page.getByRole("button", { name: "English" }).click()]);
    await page.waitForLoadState();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h1")).toBe("Making and mending connections");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("follows the browser's language on a first visit", async () => {
    const { page } = await openPage(env.browser, { locale: "en-GB" });
    await page.goto(env.server.url);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.context().close();
  });

  it("shows a translated 404 page for an unknown address", async () => {
    const { page, errors } = await openPage(env.browser);
    const response = await page.goto(`${env.server.url}/dit-bestaat-niet`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent("h1")).toBe("Pagina niet gevonden");
    await page.getByRole("link", { name: "Naar de startpagina" }).click();
    await page.waitForURL(`${env.server.url}/`);
    // A client-side navigation: the URL changes before the new page has rendered.
    await page.getByRole("heading", { level: 1, name: "Welkom bij het Goed Werk Netwerk" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The browser itself reports the 404 document load; nothing else may appear.
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
    await page.context().close();
  });

  it("fits a 360 px wide phone screen and starts with a working skip link", async () => {
    const { page, errors } = await openPage(env.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(env.server.url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Naar de inhoud");
    await page.keyboard.press("Enter");
    expect(page.url()).toBe(`${env.server.url}/#main`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
