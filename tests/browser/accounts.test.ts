import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

describe.skipIf("missing" in chromiumFound)("accounts in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
    const name = javaScriptEnabled ? "met.js" : "zonder.js";

    it(`signs up, keeps typed text on an error, verifies by email, signs in and out (${mode})`, async () => {
      const { page, errors } = await openPage(env.browser, { javaScriptEnabled });
      await page.goto(env.server.url);
      await page.getByRole("link", { name: "Word lid" }).first().click();
      await page.waitForURL(`${env.server.url}/signup`);
      // axe runs as page script, so only where JavaScript is on.
      if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.getByLabel("E-mailadres").fill(`${name}@example.nl`);
      await page.getByLabel("Gebruikersnaam").fill(name);
      await page.getByLabel("Naam", { exact: true }).fill("Sanne de Wit");
      await page.getByLabel("Wachtwoord").fill("wachtwoord");
      await page.getByRole("button", { name: "Account aanmaken" }).click();
      await page.getByText("Dit wachtwoord komt te vaak voor").waitFor();
      expect(await page.getByLabel("E-mailadres").inputValue()).toBe(`${name}@example.nl`);
      expect(await page.getByLabel("Naam", { exact: true }).inputValue()).toBe("Sanne de Wit");
      expect(await page.getByLabel("Wachtwoord").getAttribute("aria-invalid")).toBe("true");

      await page.getByLabel("Wachtwoord").fill("samen kom je verder");
      await page.getByRole("button", { name: "Account aanmaken" }).click();
      // No session yet: the same page as for an address that already has an account.
      await page.getByText(`We hebben een bericht gestuurd naar ${name}@example.nl`).waitFor();

      // The email arrives through the job queue in the dev mailbox.
      const link = await findLinkInMailbox(env.browser, env.server.url, `${name}@example.nl`, "/verify-email?token=");
      expect(link).toBeTruthy();
      await page.goto(link!);
      await page.getByRole("button", { name: "Bevestigen" }).click();
      await page.waitForURL(/\/login\?notice=email-verified/);
      await page.getByText("Je e-mailadres is bevestigd. Log in om mee te doen.").waitFor();

      await page.goto(`${env.server.url}/settings/sessions`);
      await page.waitForURL(/\/login\?redirectTo=%2Fsettings%2Fsessions/);
      await page.getByLabel("E-mailadres of gebruikersnaam").fill(name);
      await page.getByLabel("Wachtwoord").fill("niet mijn wachtwoord");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.getByText("Deze combinatie van gebruikersnaam of e-mailadres en wachtwoord klopt niet.").waitFor();
      expect(await page.getByLabel("E-mailadres of gebruikersnaam").inputValue()).toBe(name);
      await page.getByLabel("Wachtwoord").fill("samen kom je verder");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.waitForURL(`${env.server.url}/settings/sessions`);
      await page.getByText("deze sessie").waitFor();
      if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Uitloggen" }).click();
      await page.waitForURL(`${env.server.url}/`);
      await page.getByRole("link", { name: "Inloggen" }).waitFor();
      // Rejected forms answer 4xx; the browser reports those loads, nothing else may appear.
      expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
      await page.context().close();
    });
  }

  it("shows a demo member's public profile and the settings pages in English", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "en-GB" });
    await page.goto(`${env.server.url}/login`);
    await page.getByLabel("Email address or username").fill("carmen");
    await page.getByLabel("Password").fill("goedwerk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${env.server.url}/`);
    await page.getByRole("link", { name: "Carmen Bakker" }).click();
    await page.waitForURL(`${env.server.url}/u/carmen`);
    await page.getByText("@carmen").waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    for (const path of ["/settings", "/settings/account", "/settings/data"]) {
      await page.goto(env.server.url + path);
      expect(await page.textContent("h1")).toBe("Settings");
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * Reads the dev mailbox in a separate browser context. It is open to site
 * admins and to requests from this machine when no proxy is trusted (the
 * test server); on PostgreSQL it also signs in as anna.
 */
async function findLinkInMailbox(browser: Browser, baseUrl: string, to: string, linkPart: string): Promise<string | null> {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  try {
    if (process.env.TEST_DATABASE_URL) {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel("E-mailadres of gebruikersnaam").fill("anna");
      await page.getByLabel("Wachtwoord").fill("goedwerk-demo");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.waitForURL(`${baseUrl}/`);
    }
    for (let attempt = 0; attempt < 40; attempt++) {
      await page.goto(`${baseUrl}/dev/mail`);
      const href = await page
        .locator(".mail", { hasText: to })
        .locator(`a[href*='${linkPart}']`)
        .first()
        .getAttribute("href", { timeout: 500 })
        .catch(() => null);
      if (href) return href;
      await page.waitForTimeout(250);
    }
    return null;
  } finally {
    await context.close();
  }
}
