/**
 * Texts of the largest allowed size (32,000 characters) in shapes that made
 * PostgreSQL's text-search parser or marked super-linear: each took seconds
 * to minutes before their cost was bounded. Shared by the unit test (render)
 * and the integration test (post, index, search).
 */
export const MAX_POST = 32_000;

const fill = (unit: string, length = MAX_POST) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export const PATHOLOGICAL_TEXTS: Array<[string, string]> = [
  ["underscores between letters", fill("_a")],
  ["letters between underscores", fill("a_")],
  ["digits and underscores", fill("1_")],
  ["double underscores", fill("__a_")],
  ["asterisks", fill("*a")],
  ["asterisks and underscores", fill("*a_")],
  ["strikethrough, underscore, asterisk", fill("~a_*")],
  ["nested emphasis", `${"*_".repeat(8000)}a${"_*".repeat(7999)}`],
  ["backticks", fill("`a")],
  ["brackets", fill("[a")],
  ["nested brackets", `${"[".repeat(16_000)}${"]".repeat(16_000)}`],
  ["links that never close", fill("[a](")],
  ["angle brackets", fill("<a")],
  ["path-like", fill("/.")],
  ["home-directory paths", fill("~/")],
  ["hyphen-underscore", fill("-_")],
  ["dotted numbers", fill("1.")],
  ["at signs", fill("a@")],
  ["url with an endless path", `https://example.nl/${fill("a_b/", MAX_POST - 19)}`],
  ["one long word", fill("a")],
  ["many short lines", fill("a\n")],
  ["emphasis across short lines", fill("*a_\n")],
  ["deep quotes", fill("> ")],
  ["deep lists", Array.from({ length: 2000 }, (_, i) => `${" ".repeat(2 * i)}- a`).join("\n").slice(0, MAX_POST)],
  ["table", `|a|b|\n|-|-|\n${fill("|a|b|\n", MAX_POST - 12)}`],
];
