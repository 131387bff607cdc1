import { describe, expect, it } from "vitest";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";
import { createClient } from "../helpers/client";

const chromiumFound = findChromium();

const WORDS = {
  nl: {
    locale: "nl-NL",
    identifier: "E-mailadres of gebruikersnaam",
    password: "Wachtwoord",
    signIn: "Inloggen",
    report: "Melden",
    rude: "Onbeleefd of kwetsend",
    submit: "Melding versturen",
    sent: "Dank je. De gastheer of gastvrouw kijkt ernaar",
    reason: "Reden (zichtbaar voor de schrijver en in het openbare moderatielogboek)",
    agree: "Eens: verbergen",
    decided: "Besluit opgeslagen",
    bell: /Meldingen \(\d+ ongelezen\)/,
    outcome: "is behandeld: het bericht is verborgen",
  },
  en: {
    locale: "en-GB",
    identifier: "Email address or username",
    password: "Password",
    signIn: "Sign in",
    report: "Report",
    rude: "Rude or hurtful",
    submit: "Send report",
    sent: "Thank you. A host will look at it",
    reason: "Reason (shown to the author and in the public moderation log)",
    agree: "Agree: hide",
    decided: "Decision saved",
    bell: /Notifications \(\d+ unread\)/,
    outcome: "was handled: the post was hidden",
  },
} as const;

describe.skipIf("missing" in chromiumFound)("moderation in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  for (const lang of ["nl", "en"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
      const w = WORDS[lang];
      it(`a member reports a post → the host hides it → the reporter sees the outcome (${lang}, ${mode})`, async () => {
        const eva = createClient(env.server.url);
        expect((await eva.signIn("eva", "goedwerk-demo")).status).toBe(302);
        const words = `Onaardige opmerking ${lang} ${mode}`;
        const title = `Melding ${lang} ${mode}`;
        const started = await eva.post("/g/goed-werk-in-de-praktijk/new", { intent: "post", title, body: "Een gewone vraag.", idempotencyKey: `m-${lang}-${javaScriptEnabled}` });
        expect(started.status).toBe(302);
        const threadPath = started.headers.get("location")!;
        expect((await eva.post(threadPath, { intent: "post", body: words, idempotencyKey: `m2-${lang}-${javaScriptEnabled}` })).status).toBe(302);

        const signIn = async (username: string, next: string) => {
          const watched = await openPage(env.browser, { javaScriptEnabled, locale: w.locale });
          await watched.page.goto(`${env.server.url}/login?redirectTo=${encodeURIComponent(next)}`);
          await watched.page.getByLabel(w.identifier).fill(username);
          await watched.page.getByLabel(w.password).fill("goedwerk-demo");
          await watched.page.getByRole("button", { name: w.signIn }).click();
          await watched.page.waitForURL(`${env.server.url}${next}`);
          return watched;
        };

        const carmen = await signIn("carmen", threadPath);
        const post = carmen.page.locator("#post-2");
        await post.getByText(w.report, { exact: true }).click();
        await post.getByLabel(w.rude).check();
        await post.getByRole("button", { name: w.submit }).click();
        await carmen.page.getByText(w.sent).waitFor();

        const bram = await signIn("bram", "/g/goed-werk-in-de-praktijk/review");
        const item = bram.page.locator(".review-item", { hasText: title });
        await item.getByLabel(w.reason).fill("Op de persoon gespeeld");
        await item.getByRole("button", { name: w.agree }).click();
        await bram.page.getByText(w.decided).waitFor();
        if (javaScriptEnabled) expect(await seriousAccessibilityViolations(bram.page)).toEqual([]);

        await carmen.page.goto(`${env.server.url}/`);
        await carmen.page.getByRole("link", { name: w.bell }).click();
        await carmen.page.locator(".notification", { hasText: title }).getByText(w.outcome).waitFor();
        if (javaScriptEnabled) expect(await seriousAccessibilityViolations(carmen.page)).toEqual([]);
        await carmen.page.goto(`${env.server.url}${threadPath}`);
        expect(await carmen.page.locator("#post-2").textContent()).not.toContain(words);
        for (const watched of [carmen, bram]) {
          expect(watched.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
          await watched.page.context().close();
        }
      });
    }
  }
});
