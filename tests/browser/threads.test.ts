import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

describe.skipIf("missing" in chromiumFound)("conversations in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
    it(`starts a conversation with a preview and replies to it (${mode})`, async () => {
      const { page, errors } = await openPage(env.browser, { javaScriptEnabled });
      await page.goto(`${env.server.url}/login`);
      await page.getByLabel("E-mailadres of gebruikersnaam").fill("carmen");
      await page.getByLabel("Wachtwoord").fill("goedwerk-demo");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.waitForURL(`${env.server.url}/`);

      await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk`);
      await page.getByRole("link", { name: "Nieuw gesprek" }).click();
      await page.waitForURL(/\/g\/goed-werk-in-de-praktijk\/new$/);
      const title = `Samen leren ${mode}`;
      await page.getByLabel("Titel").fill(title);
      await page.getByLabel("Verbindingen leggen en herstellen").check();
      await page.getByLabel("Bericht").fill("Wat leerden jullie **samen** dit jaar?");
      await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
      await page.locator(".preview strong", { hasText: "samen" }).waitFor();
      // Nothing typed is lost by previewing.
      expect(await page.getByLabel("Titel").inputValue()).toBe(title);
      expect(await page.getByLabel("Verbindingen leggen en herstellen").isChecked()).toBe(true);
      if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Gesprek starten" }).click();
      await page.waitForURL(/\/t\/\d+\/samen-leren/);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("link", { name: "Verbindingen leggen en herstellen" }).first().waitFor();

      await page.getByLabel("Je reactie").fill("Een eerste reactie.");
      await page.getByRole("button", { name: "Reactie plaatsen" }).click();
      await page.waitForURL(/#post-2$/);
      await page.locator("#post-2", { hasText: "Een eerste reactie." }).waitFor();
      await page.locator("#post-1").getByRole("button", { name: "Dank je" }).click();
      await page.locator("#post-1").getByRole("button", { name: "Dank je 1: Carmen Bakker" }).waitFor();
      expect(await page.locator("#post-1").getByRole("button", { name: "Dank je 1: Carmen Bakker" }).getAttribute("aria-pressed")).toBe("true");
      if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
      await page.context().close();
    });
  }

  it("shows a visitor a public conversation with a way to sign in to reply", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "en-GB" });
    await page.goto(env.server.url);
    // Titles are the members' own words; the page around them is in English.
    await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
    await page.getByRole("heading", { name: "Reply" }).waitFor();
    await page.getByRole("link", { name: "Sign in to reply" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
