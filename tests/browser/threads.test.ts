import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";

const chromiumFound = findChromium();

const WORDS = {
  nl: {
    browserLocale: "nl-NL",
    identifier: "E-mailadres of gebruikersnaam",
    password: "Wachtwoord",
    signIn: "Inloggen",
    newThread: "Nieuw gesprek",
    title: "Titel",
    principle: "Verbindingen leggen en herstellen",
    body: "Bericht",
    preview: "Voorbeeld bekijken",
    create: "Gesprek starten",
    reply: "Je reactie",
    postReply: "Reactie plaatsen",
    quote: "Citeren",
    edit: "Bewerken",
    editTitle: "Bericht bewerken",
    save: "Opslaan",
    edited: "bewerkt (geschiedenis)",
    thanks: "Dank je",
    signInToReply: "Log in om te reageren",
    invalidCharacters: "Dit bevat onzichtbare stuurtekens",
  },
  en: {
    browserLocale: "en-GB",
    identifier: "Email address or username",
    password: "Password",
    signIn: "Sign in",
    newThread: "New conversation",
    title: "Title",
    principle: "Making and mending connections",
    body: "Message",
    preview: "Preview",
    create: "Start conversation",
    reply: "Your reply",
    postReply: "Post reply",
    quote: "Quote",
    edit: "Edit",
    editTitle: "Edit post",
    save: "Save",
    edited: "edited (history)",
    thanks: "Thanks",
    signInToReply: "Sign in to reply",
    invalidCharacters: "This contains invisible control characters",
  },
} as const;

describe.skipIf("missing" in chromiumFound)("conversations in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  for (const lang of ["nl", "en"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
      const w = WORDS[lang];
      it(`start → mention → preview → reply → quote → edit → react, then read as a visitor (${lang}, ${mode})`, async () => {
        const { page, errors } = await openPage(env.browser, { javaScriptEnabled, locale: w.browserLocale });
        await page.goto(`${env.server.url}/login`);
        await page.getByLabel(w.identifier).fill("carmen");
        await page.getByLabel(w.password).fill("goedwerk-demo");
        await page.getByRole("button", { name: w.signIn }).click();
        await page.waitForURL(`${env.server.url}/`);

        // Start a thread, mentioning bram.
        await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk`);
        await page.getByRole("link", { name: w.newThread }).click();
        await page.waitForURL(/\/g\/goed-werk-in-de-praktijk\/new$/);
        const title = `Samen leren ${lang} ${mode}`;
        await page.getByLabel(w.title).fill(title);
        await page.getByLabel(w.principle).check();
        const body = page.getByLabel(w.body, { exact: true });
        if (javaScriptEnabled) {
          await body.pressSequentially("Wat leerden jullie **samen** dit jaar, @bra");
          await page.getByRole("option", { name: /@bram/ }).waitFor();
          if (lang === "nl") expect(await seriousAccessibilityViolations(page)).toEqual([]);
          await body.press("Enter");
          await body.pressSequentially("?");
          expect(await body.inputValue()).toBe("Wat leerden jullie **samen** dit jaar, @bram ?");
        } else {
          await body.fill("Wat leerden jullie **samen** dit jaar, @bram ?");
        }
        // Preview: with JavaScript in place (no page load), without it as a round trip; nothing typed is lost.
        if (javaScriptEnabled) await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
        await page.getByRole("button", { name: w.preview }).click();
        await page.locator(".preview strong", { hasText: "samen" }).waitFor();
        if (javaScriptEnabled) expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
        expect(await page.getByLabel(w.title).inputValue()).toBe(title);
        expect(await page.getByLabel(w.principle).isChecked()).toBe(true);
        if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await page.getByRole("button", { name: w.create }).click();
        await page.waitForURL(/\/t\/\d+\/samen-leren/);
        const threadUrl = page.url();
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await page.getByRole("link", { name: w.principle }).first().waitFor();
        await page.locator('#post-1 a[href="/u/bram"]').waitFor();

        // Reply.
        await page.getByLabel(w.reply).fill("Een eerste reactie.");
        await page.getByRole("button", { name: w.postReply }).click();
        await page.waitForURL(/#post-2$/);
        await page.locator("#post-2", { hasText: "Een eerste reactie." }).waitFor();
        // The box is empty again, ready for the next reply; a refused reply keeps what was typed.
        await expect.poll(() => page.getByLabel(w.reply).inputValue()).toBe("");
        const refused = "Een reactie met \u202e erin.";
        await page.getByLabel(w.reply).fill(refused);
        await page.getByRole("button", { name: w.postReply }).click();
        await page.getByText(w.invalidCharacters).first().waitFor();
        expect(await page.getByLabel(w.reply).inputValue()).toBe(refused);
        await page.getByLabel(w.reply).fill("");

        // Quote: with JavaScript the selected words, without it the whole post.
        if (javaScriptEnabled) {
          // Select a word, then activate the post's Quote button with the selection in place
          // (as pressing Enter on the focused button does).
          await page.locator("#post-1").getByRole("button", { name: w.quote }).waitFor();
          await page.evaluate(() => {
            const strong = document.querySelector("#post-1 .user-content strong")!;
            const range = document.createRange();
            range.selectNodeContents(strong);
            window.getSelection()!.removeAllRanges();
            window.getSelection()!.addRange(range);
            document.querySelector<HTMLButtonElement>("#post-1 button[data-quote-href]")!.click();
          });
        } else {
          await page.locator("#post-1").getByRole("button", { name: w.quote }).click();
        }
        const reply = page.getByLabel(w.reply);
        await expect.poll(() => reply.inputValue()).toContain("[@carmen](");
        const quoted = await reply.inputValue();
        expect(quoted).toContain(javaScriptEnabled ? "> samen" : "> Wat leerden jullie **samen** dit jaar, @bram ?");
        expect(quoted).toMatch(/#post-1\):/);
        await reply.press("End");
        await reply.pressSequentially("Mooi gezegd.");
        await page.getByRole("button", { name: w.postReply }).click();
        await page.waitForURL(/#post-3$/);
        await page.locator("#post-3 blockquote", { hasText: "samen" }).waitFor();

        // Edit my reply.
        await page.locator("#post-2").getByRole("link", { name: w.edit }).click();
        await page.waitForURL(/\/posts\/\d+\/edit$/);
        await page.getByRole("heading", { level: 1, name: w.editTitle }).waitFor();
        await page.getByLabel(w.body, { exact: true }).fill("Een eerste, verbeterde reactie.");
        await page.getByRole("button", { name: w.save }).click();
        await page.waitForURL(/#post-2$/);
        await page.locator("#post-2", { hasText: "Een eerste, verbeterde reactie." }).waitFor();
        await page.locator("#post-2").getByRole("link", { name: w.edited }).waitFor();

        // No reactions on one's own post; another member reacts.
        expect(await page.locator("#post-1").getByRole("button", { name: w.thanks }).count()).toBe(0);
        expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
        await page.context().close();
        const other = await openPage(env.browser, { javaScriptEnabled, locale: w.browserLocale });
        await other.page.goto(`${env.server.url}/login`);
        await other.page.getByLabel(w.identifier).fill("eva");
        await other.page.getByLabel(w.password).fill("goedwerk-demo");
        await other.page.getByRole("button", { name: w.signIn }).click();
        await other.page.waitForURL(`${env.server.url}/`);
        await other.page.goto(threadUrl);
        await other.page.locator("#post-1").getByRole("button", { name: w.thanks }).click();
        const given = other.page.locator("#post-1").getByRole("button", { name: `${w.thanks} 1: Eva Smit` });
        await given.waitFor();
        expect(await given.getAttribute("aria-pressed")).toBe("true");
        if (javaScriptEnabled) expect(await seriousAccessibilityViolations(other.page)).toEqual([]);
        expect(other.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
        await other.page.context().close();

        // A visitor reads it all, in the same language.
        const visitor = await openPage(env.browser, { javaScriptEnabled, locale: w.browserLocale });
        await visitor.page.goto(threadUrl);
        await visitor.page.getByRole("heading", { level: 1, name: title }).waitFor();
        await visitor.page.locator("#post-2", { hasText: "Een eerste, verbeterde reactie." }).waitFor();
        await visitor.page.locator("#post-3 blockquote", { hasText: "samen" }).waitFor();
        // Reactions are shown to visitors, not offered.
        await visitor.page.locator("#post-1 .reaction", { hasText: `${w.thanks} 1: Eva Smit` }).waitFor();
        expect(await visitor.page.locator("#post-1").getByRole("button", { name: w.thanks }).count()).toBe(0);
        await visitor.page.getByRole("link", { name: w.signInToReply }).waitFor();
        expect(await visitor.page.getByLabel(w.reply).count()).toBe(0);
        expect(visitor.errors).toEqual([]);
        await visitor.page.context().close();
      });
    }
  }

  it("shows a visitor a public conversation with a way to sign in to reply", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "en-GB" });
    await page.goto(`${env.server.url}/g/goed-werk-in-de-praktijk`);
    // Titles are the members' own words; the page around them is in English.
    await page.getByRole("link", { name: "Wanneer voelt werk voor jou als goed werk?" }).first().click();
    await page.getByRole("heading", { name: "Reply" }).waitFor();
    await page.getByRole("link", { name: "Sign in to reply" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
