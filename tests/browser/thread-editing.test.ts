import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, signIn, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

const WORDS = {
  nl: {
    browserLocale: "nl-NL",
    title: "Titel",
    body: "Bericht",
    create: "Gesprek starten",
    principle: "Verbindingen leggen en herstellen",
    edit: "Bewerken",
    save: "Opslaan",
    titleTooShort: "Een titel heeft 3 tot 200 tekens.",
    agree: "Eens",
  },
  en: {
    browserLocale: "en-GB",
    title: "Title",
    body: "Message",
    create: "Start conversation",
    principle: "Making and mending connections",
    edit: "Edit",
    save: "Save",
    titleTooShort: "A title has 3 to 200 characters.",
    agree: "Agree",
  },
} as const;

describe.skipIf("missing" in chromiumFound)("correcting a conversation in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  for (const lang of ["nl", "en"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
      const w = WORDS[lang];
      it(`the author corrects the title and tags with the opening post (${lang}, ${mode})`, async () => {
        const { page, errors } = await openPage(env.browser, { javaScriptEnabled, locale: w.browserLocale });
        await signIn(page, env.server.url, "carmen");
        await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk/new`);
        const title = `Eerste tite ${lang} ${javaScriptEnabled ? "js" : "html"}`;
        await page.getByLabel(w.title).fill(title);
        await page.getByLabel(w.body, { exact: true }).fill("Een gesprek met een tikfout in de titel.");
        await page.getByRole("button", { name: w.create }).click();
        await page.waitForURL(/\/t\/\d+\/eerste-tite/);
        const oldUrl = page.url();

        await page.locator("#post-1").getByRole("link", { name: w.edit }).click();
        await page.waitForURL(/\/posts\/\d+\/edit$/);
        expect(await page.getByLabel(w.title).inputValue()).toBe(title);
        // A refusal keeps what was typed.
        await page.getByLabel(w.title).fill("Hi");
        await page.getByLabel(w.principle).check();
        await page.getByRole("button", { name: w.save }).click();
        await page.getByText(w.titleTooShort).first().waitFor();
        expect(await page.getByLabel(w.title).inputValue()).toBe("Hi");
        expect(await page.getByLabel(w.principle).isChecked()).toBe(true);
        if (javaScriptEnabled && lang === "nl") expect(await seriousAccessibilityViolations(page)).toEqual([]);

        const corrected = `Eerste titel ${lang} ${javaScriptEnabled ? "js" : "html"}`;
        await page.getByLabel(w.title).fill(corrected);
        await page.getByRole("button", { name: w.save }).click();
        await page.waitForURL(/\/t\/\d+\/eerste-titel-[a-z]+-[a-z]+#post-1$/);
        await page.getByRole("heading", { level: 1, name: corrected }).waitFor();
        await page.getByRole("link", { name: w.principle }).first().waitFor();

        // The old address leads to the new one.
        await page.goto(oldUrl);
        await page.waitForURL(/\/eerste-titel-/);
        await page.getByRole("heading", { level: 1, name: corrected }).waitFor();
        expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
        await page.context().close();
      });
    }
  }

  it("reacting with JavaScript keeps the page where it was, without a jump to the post", async () => {
    const { page, errors } = await openPage(env.browser, { viewport: { width: 1280, height: 500 } });
    await signIn(page, env.server.url, "eva");
    await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk`);
    await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
    await page.waitForURL(/\/t\/\d+\/wanneer-voelt-werk/);
    await page.locator("#post-5").waitFor();
    const urlBefore = page.url();
    // Post 5 is Bram's; bring it to the middle of the window.
    await page.evaluate(() => document.querySelector("#post-5")!.scrollIntoView({ block: "center" }));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(100);
    await page.locator("#post-5").getByRole("button", { name: WORDS.nl.agree }).click();
    await page.locator("#post-5").getByRole("button", { name: "Eens 1: Eva Smit" }).waitFor();
    expect(await page.locator("#post-5").getByRole("button", { name: "Eens 1: Eva Smit" }).getAttribute("aria-pressed")).toBe("true");
    const after = await page.evaluate(() => window.scrollY);
    expect(Math.abs(after - before)).toBeLessThan(40);
    expect(page.url()).toBe(urlBefore);
    // Taking it back works the same way.
    await page.locator("#post-5").getByRole("button", { name: "Eens 1: Eva Smit" }).click();
    await expect.poll(() => page.locator("#post-5").getByRole("button", { name: "Eens 1: Eva Smit" }).count()).toBe(0);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(40);
    expect(page.url()).toBe(urlBefore);
    // No reaction buttons on her own post (post 4).
    expect(await page.locator("#post-4").getByRole("button", { name: WORDS.nl.agree }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reacting without JavaScript comes back to the post", async () => {
    const { page } = await openPage(env.browser, { javaScriptEnabled: false });
    await signIn(page, env.server.url, "daan");
    await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk`);
    await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
    await page.locator("#post-5").getByRole("button", { name: WORDS.nl.agree }).click();
    await page.waitForURL(/#post-5$/);
    await page.locator("#post-5").getByRole("button", { name: "Eens 1: Daan Visser" }).waitFor();
    await page.context().close();
  });
});
