/**
 * Pure Markdown edits for the post editor: each takes the text and its
 * selection and answers one replacement (a range and its new text) plus what
 * to select afterwards, so the browser can apply it as one undoable step.
 */

export interface TextState {
  value: string;
  start: number;
  end: number;
}

/** Replace `value[from, to)` with `text`, then select `[selectStart, selectEnd)` of the new value. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
  selectStart: number;
  selectEnd: number;
}

export type FormatAction = "bold" | "italic" | "link" | "quote" | "bullets" | "numbers" | "heading" | "code";

/** The words put in when nothing is selected (selected afterwards, so typing replaces them). */
export type Placeholders = Record<Exclude<FormatAction, "numbers">, string>;

export function applyEdit(state: TextState, edit: TextEdit): TextState {
  return { value: state.value.slice(0, edit.from) + edit.text + state.value.slice(edit.to), start: edit.selectStart, end: edit.selectEnd };
}

function replace(from: number, to: number, text: string, selectFrom: number, selectTo: number): TextEdit {
  return { from, to, text, selectStart: from + selectFrom, selectEnd: from + selectTo };
}

/** Newlines needed before `at` and after `to` so a block stands apart from the text around it. */
function blankLinesAround(value: string, at: number, to = at): { before: string; after: string } {
  const head = value.slice(0, at);
  const tail = value.slice(to);
  const before = head === "" || head.endsWith("\n\n") ? "" : head.endsWith("\n") ? "\n" : "\n\n";
  const after = tail.startsWith("\n\n") ? "" : tail.startsWith("\n") ? "\n" : "\n\n";
  return { before, after: tail === "" ? "" : after };
}

/** `**bold**`, `_italic_`: around the selection (per line when it spans lines), or around a placeholder; applied again, taken off. */
export function wrapInline(state: TextState, marker: string, placeholder: string): TextEdit {
  const { value, start, end } = state;
  const selected = value.slice(start, end);
  const m = marker.length;
  // Already wrapped: the markers inside the selection, or just around it.
  if (selected.length >= 2 * m && selected.startsWith(marker) && selected.endsWith(marker)) {
    const inner = selected.slice(m, -m);
    return replace(start, end, inner, 0, inner.length);
  }
  if (selected.length > 0 && value.slice(start - m, start) === marker && value.slice(end, end + m) === marker && start >= m) {
    return replace(start - m, end + m, selected, 0, selected.length);
  }
  if (selected.trim() === "") {
    const text = `${marker}${placeholder}${marker}`;
    return replace(start, end, selected + text, selected.length + m, selected.length + m + placeholder.length);
  }
  // Emphasis may not start or end with a space, nor cross a blank line: wrap each line's words.
  const text = selected
    .split("\n")
    .map((line) => {
      const words = line.trim();
      if (words === "") return line;
      const lead = line.slice(0, line.indexOf(words));
      return `${lead}${marker}${words}${marker}${line.slice(lead.length + words.length)}`;
    })
    .join("\n");
  if (!selected.includes("\n")) {
    const lead = selected.length - selected.trimStart().length;
    const words = selected.trim();
    return replace(start, end, text, lead + m, lead + m + words.length);
  }
  return replace(start, end, text, 0, text.length);
}

/** `[words](https://)`: the selection becomes the link text (the address selected), or an address the link target. */
export function makeLink(state: TextState, textPlaceholder: string, urlPlaceholder = "https://"): TextEdit {
  const { value, start, end } = state;
  const selected = value.slice(start, end).trim();
  if (/^(https?:\/\/|mailto:)\S+$/.test(selected)) {
    const text = `[${textPlaceholder}](${selected})`;
    return replace(start, end, text, 1, 1 + textPlaceholder.length);
  }
  const words = selected.replace(/\s*\n\s*/g, " ") || textPlaceholder;
  const text = `[${words}](${urlPlaceholder})`;
  if (!selected) return replace(start, end, text, 1, 1 + words.length);
  return replace(start, end, text, words.length + 3, words.length + 3 + urlPlaceholder.length);
}

type LineKind = "bullets" | "numbers" | "quote" | "heading";

const LINE_MARK: Record<LineKind, RegExp> = {
  bullets: /^[-*+] /,
  numbers: /^\d{1,9}[.)] /,
  quote: /^> ?/,
  heading: /^#{1,6} /,
};

/** The whole lines the selection touches (a selection ending right after a newline leaves the next line alone). */
function selectedLines(state: TextState): { from: number; to: number } {
  const { value, start } = state;
  let end = state.end;
  if (end > start && value[end - 1] === "\n") end -= 1;
  const from = value.lastIndexOf("\n", start - 1) + 1;
  const next = value.indexOf("\n", end);
  return { from, to: next === -1 ? value.length : next };
}

/**
 * Lists, quote and heading: a mark before each selected line (numbered 1., 2., …;
 * other list marks replaced); when every line has it already, taken off. Lists
 * and quotes get a blank line around them, or the next paragraph would join them.
 */
export function prefixLines(state: TextState, kind: LineKind, placeholder: string): TextEdit {
  const { value } = state;
  const { from, to } = selectedLines(state);
  const lines = value.slice(from, to).split("\n");
  const filled = lines.filter((line) => line.trim() !== "");
  if (filled.length > 0 && filled.every((line) => LINE_MARK[kind].test(line))) {
    const text = lines.map((line) => line.replace(LINE_MARK[kind], "")).join("\n");
    return replace(from, to, text, 0, text.length);
  }
  const mark = (n: number) => (kind === "bullets" ? "- " : kind === "numbers" ? `${n}. ` : kind === "quote" ? "> " : "## ");
  const around = kind === "heading" ? { before: "", after: "" } : blankLinesAround(value, from, to);
  if (filled.length === 0) {
    const text = `${around.before}${mark(1)}${placeholder}${around.after}`;
    const at = around.before.length + mark(1).length;
    return replace(from, to, text, at, at + placeholder.length);
  }
  let n = 0;
  const body = lines
    .map((line) => {
      if (line.trim() === "") return kind === "quote" ? ">" : line;
      n += 1;
      const bare = kind === "quote" ? line : line.replace(LINE_MARK.bullets, "").replace(LINE_MARK.numbers, "").replace(LINE_MARK.heading, "");
      return `${mark(n)}${bare}`;
    })
    .join("\n");
  const text = `${around.before}${body}${around.after}`;
  const caretOnly = state.start === state.end && lines.length === 1;
  // A caret on one line stays at the end of that line; a selection keeps the whole block selected.
  return caretOnly
    ? replace(from, to, text, around.before.length + body.length, around.before.length + body.length)
    : replace(from, to, text, around.before.length, around.before.length + body.length);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`\\${char}+`, "g")) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** Code: backticks around words on one line, a fenced block around several lines. */
export function makeCode(state: TextState, placeholder: string): TextEdit {
  const { value, start, end } = state;
  const selected = value.slice(start, end);
  if (selected.includes("\n")) {
    const { from, to } = selectedLines(state);
    const code = value.slice(from, to);
    const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
    const around = blankLinesAround(value, from, to);
    const text = `${around.before}${fence}\n${code}\n${fence}${around.after}`;
    const at = around.before.length + fence.length + 1;
    return replace(from, to, text, at, at + code.length);
  }
  if (selected.length >= 2 && /^`[^`]+`$/.test(selected)) return replace(start, end, selected.slice(1, -1), 0, selected.length - 2);
  if (selected.length > 0 && value[start - 1] === "`" && value[end] === "`" && !selected.includes("`")) {
    return replace(start - 1, end + 1, selected, 0, selected.length);
  }
  const words = selected || placeholder;
  const ticks = "`".repeat(longestRun(words, "`") + 1);
  const pad = words.startsWith("`") || words.endsWith("`") ? " " : "";
  const text = `${ticks}${pad}${words}${pad}${ticks}`;
  const at = ticks.length + pad.length;
  return replace(start, end, text, at, at + words.length);
}

/** One toolbar button or shortcut, as an edit of the text. */
export function formatEdit(action: FormatAction, state: TextState, placeholders: Placeholders): TextEdit {
  switch (action) {
    case "bold":
      return wrapInline(state, "**", placeholders.bold);
    case "italic":
      return wrapInline(state, "_", placeholders.italic);
    case "link":
      return makeLink(state, placeholders.link);
    case "code":
      return makeCode(state, placeholders.code);
    case "numbers":
      return prefixLines(state, "numbers", placeholders.bullets);
    default:
      return prefixLines(state, action, placeholders[action]);
  }
}

/** A quote that links back to its post, as the Quote action writes it: `[@ann](link):` then `> ` lines. */
export function formatQuote(author: string, href: string, text: string): string {
  const quoted = text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
  return `[@${author || "…"}](${href}):\n${quoted}`;
}

/**
 * A block (a quote) put in at the caret, never over what is typed: after a
 * selection, at the end of the line when the caret is inside one, with a blank
 * line before and after; the caret lands after it, ready for the reply.
 */
export function insertBlock(state: TextState, block: string): TextEdit {
  const { value } = state;
  let at = Math.max(state.start, state.end);
  if (at > 0 && at < value.length && value[at - 1] !== "\n" && value[at] !== "\n") {
    const lineEnd = value.indexOf("\n", at);
    at = lineEnd === -1 ? value.length : lineEnd;
  }
  const head = value.slice(0, at);
  const tail = value.slice(at);
  const before = head.trim() === "" ? "" : head.endsWith("\n\n") ? "" : head.endsWith("\n") ? "\n" : "\n\n";
  const after = tail.startsWith("\n\n") ? "" : tail.startsWith("\n") ? "\n" : "\n\n";
  const text = `${before}${block.trim()}${after}`;
  // Past the blank line that follows the block (its own, or the one already there).
  const caret = before.length + block.trim().length + 2;
  // A box holding only blank lines before the caret starts with the quote.
  const from = head.trim() === "" ? 0 : at;
  return { from, to: at, text, selectStart: from + caret, selectEnd: from + caret };
}
