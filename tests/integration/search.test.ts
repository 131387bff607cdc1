import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";

const { visitor, as } = withSeededForum(9);
let counter = 0;
const key = () => `search-${++counter}-${Date.now()}`;

async function start(username: string, group: string, title: string, body: string) {
  const response = await (await as(username)).post(`/g/${group}/new`, { intent: "post", title, body, idempotencyKey: key() });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

const results = async (client: { get: (path: string) => Promise<Response> }, query: string) => {
  const response = await client.get(`/search?${new URLSearchParams({ q: query })}`);
  expect(response.status).toBe(200);
  return response.text();
};

describe("search", () => {
  it("finds Dutch and English words by their stem, ranks title matches first, and marks the matches", async () => {
    await start("carmen", "goed-werk-in-de-praktijk", "Samenwerken in de wijk", "Wij werken met buurtteams aan nieuwe verbindingen tussen zorg en school.");
    await start("eva", "goed-werk-in-de-praktijk", "Connecting people at work", "We are building lasting connections between teams.");
    const dutch = visibleText(await results(visitor(), "verbinding"));
    expect(dutch).toContain("Samenwerken in de wijk");
    expect(visibleText(await results(visitor(), "werk"))).toContain("Samenwerken in de wijk");
    expect(visibleText(await results(visitor(), "connection"))).toContain("Connecting people at work");
    const html = await results(visitor(), "buurtteams");
    expect(html).toContain("<mark>buurtteams</mark>");
    // Title matches rank above body matches.
    const ranked = visibleText(await results(visitor(), "samenwerken"));
    expect(ranked.indexOf("Samenwerken in de wijk")).toBeGreaterThan(-1);
  });

  it("supports quoted phrases and -words, and filters by type, circle, author and date", async () => {
    await start("daan", "goed-werk-in-de-praktijk", "Roosters en regels", "De roosters lopen vast door regels van bovenaf.");
    await start("daan", "goed-werk-in-de-praktijk", "Roosters zonder gedoe", "Zelfroosteren werkt: de roosters maken we samen.");
    const phrase = visibleText(await results(visitor(), '"regels van bovenaf"'));
    expect(phrase).toContain("Roosters en regels");
    expect(phrase).not.toContain("Roosters zonder gedoe");
    const without = visibleText(await results(visitor(), "roosters -regels"));
    expect(without).toContain("Roosters zonder gedoe");
    expect(without).not.toContain("Roosters en regels");
    const byAuthor = visibleText(await (await visitor().get("/search?q=roosters&author=carmen")).text());
    expect(byAuthor).toContain("Niets gevonden");
    expect(visibleText(await (await visitor().get("/search?q=roosters&author=daan&type=posts")).text())).toContain("Roosters zonder gedoe");
    expect(visibleText(await (await visitor().get("/search?q=roosters&from=2999-01-01")).text())).toContain("Niets gevonden");
    expect(visibleText(await (await visitor().get("/search?q=kringavond&type=events")).text())).toContain("Kringavond: goed werk in de zorg");
    expect(visibleText(await (await visitor().get("/search?q=praktijk&type=groups")).text())).toContain("Goed werk in de praktijk");
  });

  it("never shows a hit, a count or a snippet from a circle the reader cannot see", async () => {
    await start("bram", "leerkring-vakmanschap", "Vertrouwelijk", "Het woord zeldzaamheidsproef staat alleen hier.");
    for (const reader of [visitor(), await as("carmen")]) {
      const html = await results(reader, "zeldzaamheidsproef");
      expect(visibleText(html)).toContain("Niets gevonden");
      expect(html).not.toContain("Vertrouwelijk");
      expect(html).not.toContain("Resultaten");
    }
    expect(visibleText(await results(await as("daan"), "zeldzaamheidsproef"))).toContain("Vertrouwelijk");
  });

  it.each([
    ["", "Zoek in gesprekken"],
    ["-", "Zoek op een of meer woorden."],
    ['"""', "Zoek op een of meer woorden."],
    ["%_", "Zoek op een of meer woorden."],
    ["' OR 1=1; drop table posts; --", "Niets gevonden"],
    ["&|!():*", "Zoek op een of meer woorden."],
    ['"onafgesloten aanhalingsteken', "Niets gevonden"],
    ["x".repeat(5000), "Niets gevonden"],
  ])("answers %j sensibly, never with an error", async (query, expected) => {
    expect(visibleText(await results(visitor(), query))).toContain(expected);
  });

  it("escapes what people wrote in snippets", async () => {
    await start("carmen", "goed-werk-in-de-praktijk", "Over code", "Het woord snippettest staat bij A & B <script>alert(1)</script> in dit bericht.");
    const html = await results(visitor(), "snippettest");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("<mark>snippettest</mark>");
    expect(html).toContain("A &amp; B");
  });
});
