import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

describe.skipIf("missing" in chromiumFound)("circles in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  async function signIn(page: Page, username: string) {
    await page.goto(`${env.server.url}/login`);
    await page.getByLabel("E-mailadres of gebruikersnaam").fill(username);
    await page.getByLabel("Wachtwoord").fill("goedwerk-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(`${env.server.url}/`);
  }

  it("shows a visitor the directory and a public circle, and a private circle as not found", async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(env.server.url);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Kringen" }).click();
    await page.waitForURL(`${env.server.url}/g`);
    await page.getByText("Leerkring Vakmanschap").waitFor();
    expect(await page.getByText("Professionele vrienden").count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Goed werk in de praktijk" }).click();
    await page.waitForURL(`${env.server.url}/g/goed-werk-in-de-praktijk`);
    await page.getByRole("heading", { name: "Gastheren en gastvrouwen" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const hidden = await page.goto(`${env.server.url}/g/professionele-vrienden`);
    expect(hidden?.status()).toBe(404);
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`lets a member ask to join a private circle and a host approve it (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async () => {
      const asker = javaScriptEnabled ? "carmen" : "eva";
      const { page, errors } = await openPage(env.browser, { javaScriptEnabled });
      await signIn(page, asker);
      await page.goto(`${env.server.url}/g`);
      const card = page.locator(".group-card", { hasText: "Leerkring Vakmanschap" });
      if (asker === "carmen") {
        // The demo has carmen's request pending already: withdraw it first, then ask again.
        await card.getByRole("button", { name: "Aanvraag intrekken" }).click();
        await page.getByText("Je aanvraag is ingetrokken.").waitFor();
      }
      await page.locator(".group-card", { hasText: "Leerkring Vakmanschap" }).getByText("Lidmaatschap aanvragen").click();
      await page.locator(".group-card", { hasText: "Leerkring Vakmanschap" }).getByLabel("Een korte toelichting").fill(`Groet van ${asker}`);
      await page.locator(".group-card", { hasText: "Leerkring Vakmanschap" }).getByRole("button", { name: "Aanvraag versturen" }).click();
      await page.getByText("Je aanvraag is verstuurd.").waitFor();

      const host = await openPage(env.browser, { javaScriptEnabled });
      await signIn(host.page, "bram");
      await host.page.goto(`${env.server.url}/g/leerkring-vakmanschap/members`);
      const item = host.page.locator(".queue__item", { hasText: `Groet van ${asker}` });
      await item.getByRole("button", { name: "Toelaten" }).click();
      await host.page.getByText("Aanvraag toegelaten").waitFor();
      if (javaScriptEnabled) expect(await seriousAccessibilityViolations(host.page)).toEqual([]);

      const response = await page.goto(`${env.server.url}/g/leerkring-vakmanschap`);
      expect(response?.status()).toBe(200);
      await page.getByRole("button", { name: "Kring verlaten" }).waitFor();
      expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
      expect(host.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
      await host.page.context().close();
      await page.context().close();
    });
  }

  it("gives hosts accessible management pages, in English too", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "en-GB" });
    await page.goto(`${env.server.url}/login`);
    await page.getByLabel("Email address or username").fill("anna");
    await page.getByLabel("Password").fill("goedwerk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${env.server.url}/`);
    for (const [path, heading] of [
      ["/g/professionele-vrienden/members", "Members"],
      ["/g/professionele-vrienden/settings", "Circle settings"],
      ["/g/professionele-vrienden/audit", "Audit log"],
      ["/g/new", "New circle"],
    ] as const) {
      await page.goto(env.server.url + path);
      expect(await page.textContent("h1")).toBe(heading);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
