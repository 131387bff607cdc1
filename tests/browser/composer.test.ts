import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, signIn, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

/** Opens a thread of the demo circle by its title. */
async function openThread(page: Page, base: string, title: string) {
  await page.goto(`${base}/g/goed-werk-in-de-praktijk`);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** Selects the text of the first element matching `selector` (inside a post), as a person dragging over it would. */
async function selectText(page: Page, selector: string) {
  await page.evaluate((css) => {
    const element = document.querySelector(css)!;
    const range = document.createRange();
    range.selectNodeContents(element);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, selector);
}

describe.skipIf("missing" in chromiumFound)("the composer in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  it("adds quotes of whole posts and of selected words to what is typed, without leaving the page, and Ctrl+Enter posts", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "nl-NL" });
    await signIn(page, env.server.url, "carmen");
    await openThread(page, env.server.url, "Wanneer voelt werk voor jou als goed werk?");
    const address = page.url();
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const box = page.getByLabel("Je reactie");
    await box.fill("Mijn eerste gedachte.");

    // Post 1 whole (fetched), post 3 whole, then just the selected words of post 2.
    await page.locator("#post-1").getByRole("button", { name: "Citeren" }).click();
    await expect.poll(() => box.inputValue()).toContain("> Ik ben benieuwd naar jullie voorbeelden.");
    await page.locator("#post-3").getByRole("button", { name: "Citeren" }).click();
    await expect.poll(() => box.inputValue()).toContain("> Voor mij: als een nieuwe regel");
    await selectText(page, "#post-2 .user-content strong");
    await page.locator("#post-2").getByRole("button", { name: "Citeren" }).click();
    await expect.poll(() => box.inputValue()).toContain("> doet");

    const text = await box.inputValue();
    expect(text.startsWith("Mijn eerste gedachte.\n\n[@bram](")).toBe(true);
    expect(text).toMatch(/\[@bram\]\([^)]*#post-1\):\n> Ik ben benieuwd naar jullie voorbeelden\.[^\n]*\n>\n> Wat is jouw moment\?\n\n\[@daan\]\([^)]*#post-3\):\n> Voor mij:[^\n]*\n\n\[@carmen\]\([^)]*#post-2\):\n> doet\n\n$/);
    // The box has the focus, the caret after the last quote; the page never moved.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-body");
    expect(await box.evaluate((el: HTMLTextAreaElement) => el.selectionStart === el.value.length)).toBe(true);
    expect(page.url()).toBe(address);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // Typing goes on after the quotes; Ctrl+Enter posts through the normal flow.
    await box.pressSequentially("Mooi.");
    await box.press("Control+Enter");
    await page.waitForURL(/#post-7$/);
    await page.locator("#post-7 blockquote", { hasText: "Ik ben benieuwd" }).waitFor();
    await page.locator("#post-7 blockquote", { hasText: "doet" }).waitFor();
    await page.locator("#post-7", { hasText: "Mooi." }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("quotes at the caret when the person has been in the box, and the box grows with its text", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "en-GB", viewport: { width: 375, height: 740 } });
    await signIn(page, env.server.url, "daan");
    await openThread(page, env.server.url, "Eerste opdracht als zelfstandige: hoe pak je dat aan?");
    const box = page.getByLabel("Your reply");
    const height = () => box.evaluate((el) => el.getBoundingClientRect().height);
    const empty = await height();
    await box.fill("Top line\nBottom line");
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(8, 8));
    await page.locator("#post-1").getByRole("button", { name: "Quote" }).click();
    await expect.poll(() => box.inputValue()).toContain("> Ik wil volgend jaar");
    expect(await box.inputValue()).toMatch(/^Top line\n\n\[@eva\]\([^)]*#post-1\):\n> Ik wil volgend jaar[^\n]*\n\nBottom line$/);
    await box.pressSequentially(`${"More to say.\n".repeat(12)}`);
    expect(await height()).toBeGreaterThan(empty + 100);
    // Up to a maximum, then it scrolls inside.
    await box.pressSequentially("Line\n".repeat(40));
    expect(await height()).toBeLessThanOrEqual(740 * 0.7 + 1);
    expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    // Nothing on the page is wider than a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const lang of ["nl", "en"] as const) {
    it(`formats with the toolbar and shortcuts, undoable, without breaking mention suggestions (${lang})`, async () => {
      const w =
        lang === "nl"
          ? { locale: "nl-NL", reply: "Je reactie", toolbar: "Opmaak", bold: "Vet", italic: "Schuin", numbers: "Genummerde lijst", help: "Opmaakhulp", typed: "Je typt" }
          : { locale: "en-GB", reply: "Your reply", toolbar: "Formatting", bold: "Bold", italic: "Italic", numbers: "Numbered list", help: "Formatting help", typed: "You type" };
      const { page, errors } = await openPage(env.browser, { locale: w.locale });
      await signIn(page, env.server.url, "eva");
      await openThread(page, env.server.url, "Regels schrappen: wie heeft een goed voorbeeld?");
      const box = page.getByLabel(w.reply);
      const toolbar = page.getByRole("toolbar", { name: w.toolbar });
      await toolbar.waitFor();

      // Bold on a selection, then undone with the browser's own undo.
      await box.fill("Dit is belangrijk");
      await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 17));
      await toolbar.getByRole("button", { name: w.bold }).click();
      expect(await box.inputValue()).toBe("Dit is **belangrijk**");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-body");
      await box.press("Control+z");
      expect(await box.inputValue()).toBe("Dit is belangrijk");

      // A shortcut with nothing selected puts in a selected placeholder: typing replaces it.
      await box.fill("Dit is ");
      await box.press("Control+i");
      await box.pressSequentially("echt");
      expect(await box.inputValue()).toBe("Dit is _echt_");

      // Lines become a numbered list.
      await box.fill("appel\npeer");
      await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, el.value.length));
      await toolbar.getByRole("button", { name: w.numbers }).click();
      expect(await box.inputValue()).toBe("1. appel\n2. peer");

      // One tab stop; the arrow keys move along the toolbar.
      await toolbar.getByRole("button", { name: w.bold }).focus();
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(w.italic);
      expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);

      // Mention suggestions still take Enter.
      await box.fill("");
      await box.pressSequentially("Vraag het @bra");
      await page.getByRole("option", { name: /@bram/ }).waitFor();
      await box.press("Enter");
      expect(await box.inputValue()).toBe("Vraag het @bram ");

      // The help opens in place, keeping what is typed.
      await page.getByText(w.help).click();
      await page.getByRole("columnheader", { name: w.typed }).waitFor();
      expect(await box.inputValue()).toBe("Vraag het @bram ");
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("without JavaScript: no dead toolbar, the help opens, Quote belongs to the reply form", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "nl-NL", javaScriptEnabled: false });
    await signIn(page, env.server.url, "bram");
    await openThread(page, env.server.url, "Regels schrappen: wie heeft een goed voorbeeld?");
    expect(await page.getByRole("toolbar").count()).toBe(0);
    await page.getByLabel("Je reactie").fill("Blijft staan");
    await page.getByText("Opmaakhulp").click();
    await page.getByRole("columnheader", { name: "Je typt" }).waitFor();
    expect(await page.getByLabel("Je reactie").inputValue()).toBe("Blijft staan");
    const quote = page.locator("#post-1").getByRole("button", { name: "Citeren" });
    expect(await quote.getAttribute("form")).toBe("reply-form");
    expect(await quote.getAttribute("name")).toBe("quote");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
