import { describe, expect, it } from "vitest";
import { diffWords } from "../../app/lib/diff.server";
import { renderMarkdown } from "../../app/lib/markdown.server";
import { PATHOLOGICAL_TEXTS } from "../helpers/pathological-text";

// Generous for a slow shared machine; before the bound some shapes took 2–25 s.
const RENDER_BUDGET_MS = 750;

describe("the cost of rendering a text is bounded whatever its shape", () => {
  it.each(PATHOLOGICAL_TEXTS)("renders %s within the budget", (_name, text) => {
    const started = performance.now();
    const html = renderMarkdown(text);
    expect(performance.now() - started).toBeLessThan(RENDER_BUDGET_MS);
    expect(html.length).toBeGreaterThan(0);
  });

  it("keeps the words of a text whose formatting is too costly", () => {
    const html = renderMarkdown(`**Kop**\n\n${"_a".repeat(16_000)} einde`);
    expect(html).toContain("<strong>Kop</strong>");
    expect(html).toContain("einde");
    expect(html).not.toContain("<script");
  });

  it("renders a long ordinary post as before: emphasis, links and code everywhere in it", () => {
    const paragraph = "Een *nadruk*, **vet**, `code`, een [link](https://example.nl/a_b) en snake_case_woorden. ";
    const html = renderMarkdown(Array.from({ length: 60 }, () => paragraph.repeat(5)).join("\n\n"));
    expect(html.match(/<em>nadruk<\/em>/g)).toHaveLength(300);
    expect(html.match(/<a href="https:\/\/example.nl\/a_b"/g)).toHaveLength(300);
  });
});

describe("the cost of comparing two versions of a text is bounded", () => {
  const unrelated = (prefix: string, step: number) =>
    Array.from({ length: 6000 }, (_, i) => `${prefix}${(i * step) % 10007}`)
      .join(" ")
      .slice(0, 32_000);

  it("shows two unrelated versions of the largest size as replaced whole, within the budget", () => {
    const before = unrelated("w", 7919);
    const after = unrelated("v", 104_729);
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(RENDER_BUDGET_MS);
    expect(parts).toEqual([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  });

  it("still shows a small edit word by word", () => {
    expect(diffWords("De roosters lopen vast.", "De roosters lopen soepel.")).toEqual([
      { kind: "same", text: "De roosters lopen " },
      { kind: "removed", text: "vast" },
      { kind: "added", text: "soepel" },
      { kind: "same", text: "." },
    ]);
  });
});
