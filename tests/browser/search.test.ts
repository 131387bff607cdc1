import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

const WORDS = {
  nl: { locale: "nl-NL", nav: "Zoeken", field: "Zoek in gesprekken, bijeenkomsten en kringen", refine: "Verfijnen", type: "Soort", posts: "berichten", submit: "Zoeken", results: /Resultaten: \d+/ },
  en: { locale: "en-GB", nav: "Search", field: "Search conversations, meetups and circles", refine: "Refine", type: "Type", posts: "posts", submit: "Search", results: /Results: \d+/ },
} as const;

describe.skipIf("missing" in chromiumFound)("search in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  for (const lang of ["nl", "en"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
      const w = WORDS[lang];
      it(`a visitor searches, filters and opens a thread (${lang}, ${mode})`, async () => {
        const { page, errors } = await openPage(env.browser, { javaScriptEnabled, locale: w.locale });
        await page.goto(env.server.url);
        await page.getByRole("navigation", { name: lang === "nl" ? "Hoofdmenu" : "Main menu" }).getByRole("link", { name: w.nav }).click();
        await page.waitForURL(/\/search$/);
        await page.getByLabel(w.field).fill("werk");
        await page.getByRole("button", { name: w.submit }).click();
        await page.waitForURL(/\/search\?q=werk/);
        await page.getByRole("heading", { name: w.results }).waitFor();
        await page.getByText(w.refine).click();
        await page.getByLabel(w.type).selectOption("posts");
        await page.getByRole("button", { name: w.submit }).click();
        await page.waitForURL(/type=posts/);
        await page.locator(".search-hit mark").first().waitFor();
        if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
        await page.waitForURL(/\/t\/\d+\/wanneer-voelt-werk/);
        await page.getByRole("heading", { level: 1, name: "Wanneer voelt werk voor jou als goed werk?" }).waitFor();
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
