import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { findChromium, openPage, seriousAccessibilityViolations, signIn, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

const WORDS = {
  nl: {
    browserLocale: "nl-NL",
    circles: "Kringen",
    drafts: "Concepten",
    reply: "Je reactie",
    saveDraft: "Concept bewaren",
    saved: "Concept opgeslagen",
    unsaved: "Nog niet opgeslagen",
    continue: "Verder schrijven",
    delete: "Verwijderen",
    empty: "Je hebt geen concepten.",
  },
  en: {
    browserLocale: "en-GB",
    circles: "Circles",
    drafts: "Drafts",
    reply: "Your reply",
    saveDraft: "Save draft",
    saved: "Draft saved",
    unsaved: "Not saved yet",
    continue: "Continue writing",
    delete: "Delete",
    empty: "You have no drafts.",
  },
} as const;

describe.skipIf("missing" in chromiumFound)("drafts in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  const threadPath = async (page: Page) => {
    await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk`);
    await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
    await page.waitForURL(/\/t\/\d+\//);
    return new URL(page.url()).pathname;
  };

  for (const lang of ["nl", "en"] as const) {
    const w = WORDS[lang];
    it(`with JavaScript: typing saves by itself, and the text is back after going to ${w.circles} (${lang})`, async () => {
      const { page, errors } = await openPage(env.browser, { locale: w.browserLocale });
      await signIn(page, env.server.url, lang === "nl" ? "carmen" : "daan");
      const path = await threadPath(page);
      const text = `Een gedachte die ik niet kwijt wil (${lang})`;
      await page.getByLabel(w.reply).pressSequentially(text);
      await page.getByRole("status").filter({ hasText: w.saved }).waitFor();
      if (lang === "nl") expect(await seriousAccessibilityViolations(page)).toEqual([]);
      // Saved: leaving asks nothing (a dialog would fail the test).
      page.on("dialog", (dialog) => {
        errors.push(`unexpected dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.getByRole("link", { name: w.circles, exact: true }).click();
      await page.waitForURL(/\/g$/);
      await page.goto(`${env.server.url}${path}`);
      expect(await page.getByLabel(w.reply).inputValue()).toBe(text);

      // Text inserted by script (a quote, a toolbar) announces itself with an input event and is saved too.
      await page.getByLabel(w.reply).evaluate((box: HTMLTextAreaElement) => {
        box.value += "\n\n> ingevoegd";
        box.dispatchEvent(new Event("input", { bubbles: true }));
      });
      // (The restored draft already says when it was saved: first the change, then the save.)
      await page.getByRole("status").filter({ hasText: w.unsaved }).waitFor();
      await page.getByRole("status").filter({ hasText: w.saved }).waitFor();
      await page.reload();
      expect(await page.getByLabel(w.reply).inputValue()).toBe(`${text}\n\n> ingevoegd`);

      // /drafts lists it, and deleting empties the box.
      await page.getByRole("link", { name: w.drafts, exact: true }).click();
      await page.getByRole("link", { name: w.continue }).waitFor();
      await page.getByRole("button", { name: w.delete }).click();
      await page.getByText(w.empty).waitFor();
      await page.goto(`${env.server.url}${path}`);
      expect(await page.getByLabel(w.reply).inputValue()).toBe("");
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`with JavaScript: leaving with text not saved yet asks first (${lang})`, async () => {
      const { page, errors } = await openPage(env.browser, { locale: w.browserLocale });
      await signIn(page, env.server.url, "eva");
      await threadPath(page);
      const asked: string[] = [];
      page.on("dialog", (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByLabel(w.reply).fill("Nog niet bewaard");
      await page.getByRole("link", { name: w.circles, exact: true }).click();
      await expect.poll(() => asked.length).toBe(1);
      // Stayed, text and all; then it saves and leaving is quiet.
      expect(new URL(page.url()).pathname).toMatch(/^\/t\//);
      expect(await page.getByLabel(w.reply).inputValue()).toBe("Nog niet bewaard");
      await page.getByRole("status").filter({ hasText: w.saved }).waitFor();
      await page.getByRole("link", { name: w.circles, exact: true }).click();
      await page.waitForURL(/\/g$/);
      expect(asked.length).toBe(1);
      await page.goto(`${env.server.url}/drafts`);
      await page.getByRole("button", { name: w.delete }).click();
      await page.getByText(w.empty).waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`without JavaScript: “${w.saveDraft}” keeps the text for the next visit; /drafts lists and deletes (${lang})`, async () => {
      const { page, errors } = await openPage(env.browser, { locale: w.browserLocale, javaScriptEnabled: false });
      await signIn(page, env.server.url, "bram");
      const path = await threadPath(page);
      await page.getByLabel(w.reply).fill("Zonder JavaScript bewaard");
      await page.getByRole("button", { name: w.saveDraft }).click();
      await page.getByRole("status").filter({ hasText: w.saved }).waitFor();
      await page.getByRole("link", { name: w.circles, exact: true }).click();
      await page.waitForURL(/\/g$/);
      await page.goto(`${env.server.url}${path}`);
      expect(await page.getByLabel(w.reply).inputValue()).toBe("Zonder JavaScript bewaard");
      await page.goto(`${env.server.url}/drafts`);
      await page.getByText("Zonder JavaScript bewaard").waitFor();
      await page.getByRole("link", { name: w.continue }).click();
      expect(await page.getByLabel(w.reply).inputValue()).toBe("Zonder JavaScript bewaard");
      await page.goto(`${env.server.url}/drafts`);
      await page.getByRole("button", { name: w.delete }).click();
      await page.getByText(w.empty).waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
