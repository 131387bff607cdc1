import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { instantToWallTime } from "../../app/lib/time-zones";
import { findChromium, openPage, seriousAccessibilityViolations, useServerAndBrowser } from "../helpers/browser";
import { createClient } from "../helpers/client";

const chromiumFound = findChromium();

const WORDS = {
  nl: { locale: "nl-NL", identifier: "E-mailadres of gebruikersnaam", password: "Wachtwoord", signIn: "Inloggen", going: "Ik kom", save: "Antwoord opslaan", waitlist: "Jouw antwoord: Op de wachtlijst (plaats 1)", promoted: "Jouw antwoord: Ik kom", calendar: "Zet in je agenda (.ics)" },
  en: { locale: "en-GB", identifier: "Email address or username", password: "Password", signIn: "Sign in", going: "Going", save: "Save answer", waitlist: "Your answer: On the waitlist (number 1)", promoted: "Your answer: Going", calendar: "Add to calendar (.ics)" },
} as const;

describe.skipIf("missing" in chromiumFound)("meetups in a real browser", () => {
  const env = useServerAndBrowser((chromiumFound as { path: string }).path);

  async function signedIn(username: string) {
    const client = createClient(env.server.url);
    expect((await client.signIn(username, "goedwerk-demo")).status).toBe(302);
    return client;
  }

  for (const lang of ["nl", "en"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
      const w = WORDS[lang];
      it(`RSVP → waitlist → promoted → add to calendar (${lang}, ${mode})`, async () => {
        // A host plans a meetup with one place, and daan takes it.
        const bram = await signedIn("bram");
        const day = instantToWallTime(new Date(Date.now() + 9 * 86_400_000), "Europe/Amsterdam").slice(0, 10);
        const title = `Eén plek ${lang} ${mode}`;
        const planned = await bram.post("/e/new?group=goed-werk-in-de-praktijk", {
          title,
          description: "Kleine kring.",
          starts: `${day}T19:30`,
          ends: `${day}T21:00`,
          timeZone: "Europe/Amsterdam",
          placeName: "Bibliotheek",
          placeAddress: "Neude 11, Utrecht",
          capacity: "1",
        });
        expect(planned.status).toBe(302);
        const eventPath = planned.headers.get("location")!;
        const daan = await signedIn("daan");
        expect((await daan.post(eventPath, { intent: "rsvp", status: "going", note: "" })).status).toBe(302);

        // carmen says she's coming and lands on the waitlist.
        const { page, errors } = await openPage(env.browser, { javaScriptEnabled, locale: w.locale, acceptDownloads: true });
        await page.goto(`${env.server.url}/login?redirectTo=${encodeURIComponent(eventPath)}`);
        await page.getByLabel(w.identifier).fill("carmen");
        await page.getByLabel(w.password).fill("goedwerk-demo");
        await page.getByRole("button", { name: w.signIn }).click();
        await page.waitForURL(`${env.server.url}${eventPath}`);
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await page.getByRole("radio", { name: w.going }).check();
        await page.getByRole("button", { name: w.save }).click();
        await page.getByText(w.waitlist).waitFor();
        if (javaScriptEnabled) expect(await seriousAccessibilityViolations(page)).toEqual([]);

        // daan can't make it after all: carmen moves up at once.
        expect((await daan.post(eventPath, { intent: "rsvp", status: "not_going", note: "" })).status).toBe(302);
        await page.reload();
        await page.getByText(w.promoted).waitFor();

        // And takes it home in her calendar.
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: w.calendar }).click()]);
        const text = await readFile((await download.path())!, "utf8");
        const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
        expect(vevent.getFirstPropertyValue("summary")).toBe(title);
        expect(String(vevent.getFirstPropertyValue("uid"))).toMatch(/^event-\d+@/);
        const start = (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate();
        expect(instantToWallTime(start, "Europe/Amsterdam")).toBe(`${day}T19:30`);
        expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
        await page.context().close();
      });
    }
  }

  it("lets a host plan a meetup through the form, with errors that keep what was typed", async () => {
    const { page, errors } = await openPage(env.browser, { locale: "nl-NL" });
    await page.goto(`${env.server.url}/login?redirectTo=${encodeURIComponent("/g/goed-werk-in-de-praktijk")}`);
    await page.getByLabel("E-mailadres of gebruikersnaam").fill("bram");
    await page.getByLabel("Wachtwoord").fill("goedwerk-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("link", { name: "Bijeenkomst plannen" }).click();
    await page.waitForURL(/\/e\/new\?group=goed-werk-in-de-praktijk$/);
    const day = instantToWallTime(new Date(Date.now() + 12 * 86_400_000), "Europe/Amsterdam").slice(0, 10);
    await page.getByLabel("Titel").fill("Zomeravond in de tuin");
    await page.getByLabel("Begin").fill(`${day}T19:00`);
    await page.getByLabel("Einde").fill(`${day}T18:00`);
    await page.getByLabel("Plaats (naam)").fill("Tuin van Carmen");
    await page.getByLabel("Aantal plaatsen (optioneel)").fill("15");
    await page.getByLabel("Verbindingen leggen en herstellen").check();
    await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await page.getByText("Het einde moet na het begin liggen.").waitFor();
    expect(await page.getByLabel("Titel").inputValue()).toBe("Zomeravond in de tuin");
    expect(await page.getByLabel("Aantal plaatsen (optioneel)").inputValue()).toBe("15");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Einde").fill(`${day}T22:00`);
    await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await page.waitForURL(/\/e\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "Zomeravond in de tuin" }).waitFor();
    await page.getByText("0 van 15 plaatsen bezet").waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await page.context().close();
  });
});
