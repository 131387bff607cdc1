import { describe, expect, it } from "vitest";
import { applyEdit, formatEdit, formatQuote, insertBlock, makeCode, makeLink, prefixLines, wrapInline, type TextState } from "../../app/components/editor/markdown-edits";

/** Text with the selection written in it: `[` and `]` around it, or `|` for a caret. */
function parse(marked: string): TextState {
  if (marked.includes("|")) {
    const at = marked.indexOf("|");
    return { value: marked.replace("|", ""), start: at, end: at };
  }
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  return { value: marked.replace("[", "").replace("]", ""), start, end };
}
function show(state: TextState): string {
  if (state.start === state.end) return `${state.value.slice(0, state.start)}|${state.value.slice(state.start)}`;
  return `${state.value.slice(0, state.start)}[${state.value.slice(state.start, state.end)}]${state.value.slice(state.end)}`;
}
const run = (marked: string, edit: (state: TextState) => Parameters<typeof applyEdit>[1]) => show(applyEdit(parse(marked), edit(parse(marked))));

const placeholders = { bold: "vette tekst", italic: "schuine tekst", link: "linktekst", heading: "Tussenkop", quote: "citaat", bullets: "onderdeel", code: "code" };

describe("bold and italic", () => {
  it("wrap the selected words, keeping the spaces around them outside", () => {
    expect(run("Dit is [heel ]belangrijk", (s) => wrapInline(s, "**", "x"))).toBe("Dit is **[heel]** belangrijk");
    expect(run("Een [woord] hier", (s) => wrapInline(s, "_", "x"))).toBe("Een _[woord]_ hier");
  });

  it("insert a selected placeholder when nothing is selected, so typing replaces it", () => {
    expect(run("Hallo |", (s) => formatEdit("bold", s, placeholders))).toBe("Hallo **[vette tekst]**");
  });

  it("take the markers off when applied again", () => {
    expect(run("Een **[woord]** hier", (s) => wrapInline(s, "**", "x"))).toBe("Een [woord] hier");
    expect(run("Een [**woord**] hier", (s) => wrapInline(s, "**", "x"))).toBe("Een [woord] hier");
  });

  it("wrap each line of a selection over several lines (emphasis cannot cross lines)", () => {
    expect(run("[een\n\ntwee]", (s) => wrapInline(s, "**", "x"))).toBe("[**een**\n\n**twee**]");
  });
});

describe("links", () => {
  it("make the selection the link text and select the address to type over", () => {
    const result = applyEdit(parse("Zie [de site] hier"), makeLink(parse("Zie [de site] hier"), "linktekst"));
    expect(result.value).toBe("Zie [de site](https://) hier");
    expect(result.value.slice(result.start, result.end)).toBe("https://");
  });

  it("turn a selected address into the target, selecting the text placeholder", () => {
    const result = applyEdit(parse("[https://goedwerk.nl]"), makeLink(parse("[https://goedwerk.nl]"), "linktekst"));
    expect(result.value).toBe("[linktekst](https://goedwerk.nl)");
    expect(result.value.slice(result.start, result.end)).toBe("linktekst");
  });
});

describe("lists, quote and heading", () => {
  it("prefix each selected line, numbering 1, 2, 3 and skipping empty lines", () => {
    expect(run("[appel\npeer\nbanaan]", (s) => prefixLines(s, "bullets", "x"))).toBe("[- appel\n- peer\n- banaan]");
    expect(run("[appel\n\npeer]", (s) => prefixLines(s, "numbers", "x"))).toBe("[1. appel\n\n2. peer]");
    expect(run("[een\n\ntwee]", (s) => prefixLines(s, "quote", "x"))).toBe("[> een\n>\n> twee]");
  });

  it("take whole lines, even when the selection starts or ends inside one", () => {
    expect(run("app[el\npe]er", (s) => prefixLines(s, "bullets", "x"))).toBe("[- appel\n- peer]");
  });

  it("turn a bulleted list into a numbered one, and take the marks off when every line has them", () => {
    expect(run("[- appel\n- peer]", (s) => prefixLines(s, "numbers", "x"))).toBe("[1. appel\n2. peer]");
    expect(run("[- appel\n- peer]", (s) => prefixLines(s, "bullets", "x"))).toBe("[appel\npeer]");
    expect(run("## Kop|", (s) => prefixLines(s, "heading", "x"))).toBe("[Kop]");
  });

  it("stand apart from the paragraphs around them, or the next line would join the list", () => {
    expect(run("Inleiding\n[punt]\nSlot", (s) => prefixLines(s, "bullets", "x"))).toBe("Inleiding\n\n[- punt]\n\nSlot");
  });

  it("put a selected placeholder on an empty line, and a heading on the caret's line", () => {
    expect(run("Tekst\n\n|", (s) => formatEdit("bullets", s, placeholders))).toBe("Tekst\n\n- [onderdeel]");
    expect(run("Een ti|tel", (s) => formatEdit("heading", s, placeholders))).toBe("## Een titel|");
  });
});

describe("code", () => {
  it("uses backticks for words and a fence for lines", () => {
    expect(run("Typ [npm test] nu", (s) => makeCode(s, "code"))).toBe("Typ `[npm test]` nu");
    expect(run("Zo:\n[a = 1\nb = 2]", (s) => makeCode(s, "code"))).toBe("Zo:\n\n```\n[a = 1\nb = 2]\n```");
    expect(run("|", (s) => makeCode(s, "code"))).toBe("`[code]`");
  });

  it("uses more backticks than the code holds", () => {
    expect(applyEdit(parse("[a`b]"), makeCode(parse("[a`b]"), "code")).value).toBe("``a`b``");
  });
});

describe("quotes", () => {
  const quote = formatQuote("bram", "/t/1/x#post-2", "Eerste regel\n\nTweede regel");

  it("link back to the post, with every line quoted", () => {
    expect(quote).toBe("[@bram](/t/1/x#post-2):\n> Eerste regel\n>\n> Tweede regel");
    expect(formatQuote("", "/t/1/x#post-2", "Weg")).toBe("[@…](/t/1/x#post-2):\n> Weg");
  });

  it("are added after what is typed with blank lines around, the caret after them", () => {
    expect(run("Mijn reactie|", (s) => insertBlock(s, "> q"))).toBe("Mijn reactie\n\n> q\n\n|");
    expect(run("|", (s) => insertBlock(s, "> q"))).toBe("> q\n\n|");
  });

  it("never replace a selection or split a line: they go after it", () => {
    expect(run("Eerste [zin] hier.\nTweede", (s) => insertBlock(s, "> q"))).toBe("Eerste zin hier.\n\n> q\n\n|Tweede");
    expect(run("Boven\n|\nOnder", (s) => insertBlock(s, "> q"))).toBe("Boven\n\n> q\n\n|Onder");
  });

  it("add up: a second quote lands after the first", () => {
    const once = applyEdit(parse("Tekst|"), insertBlock(parse("Tekst|"), "> een"));
    const twice = applyEdit(once, insertBlock(once, "> twee"));
    expect(show(twice)).toBe("Tekst\n\n> een\n\n> twee\n\n|");
  });
});
