import { insertBlock, type TextEdit, type TextState } from "./markdown-edits";

/** The post editor's text box; other parts of the page (the Quote buttons) find it by this id. */
export const EDITOR_ID = "field-body";

/** Boxes the person has been in: a quote goes to their caret there, else at the end. */
const visited = new WeakSet<HTMLTextAreaElement>();

export function markVisited(box: HTMLTextAreaElement) {
  visited.add(box);
}

export function textState(box: HTMLTextAreaElement): TextState {
  return { value: box.value, start: box.selectionStart, end: box.selectionEnd };
}

/**
 * Applies an edit as if typed, so the browser's undo (Ctrl+Z) takes it back:
 * `insertText` where the browser has it, else `setRangeText` and an input event
 * (the editor listens for input to grow and to suggest mentions).
 */
export function applyTextEdit(box: HTMLTextAreaElement, edit: TextEdit) {
  const expected = box.value.slice(0, edit.from) + edit.text + box.value.slice(edit.to);
  box.focus({ preventScroll: true });
  box.setSelectionRange(edit.from, edit.to);
  let inserted = false;
  if (edit.text !== "" || edit.from !== edit.to) {
    try {
      // Deprecated, yet the only way to edit a textarea that keeps the browser's undo history.
      inserted = typeof document.execCommand === "function" && document.execCommand("insertText", false, edit.text);
    } catch {
      inserted = false;
    }
  }
  if (!inserted) {
    box.setRangeText(edit.text, edit.from, edit.to, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
  } else if (box.value !== expected) {
    box.value = expected;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
  box.setSelectionRange(edit.selectStart, edit.selectEnd);
}

/** Makes the box as tall as its text (the stylesheet's max-height then scrolls), keeping the page where it is. */
export function growToFit(box: HTMLTextAreaElement) {
  const scrollY = window.scrollY;
  box.style.height = "auto";
  const borders = box.offsetHeight - box.clientHeight;
  box.style.height = `${box.scrollHeight + borders}px`;
  if (window.scrollY !== scrollY) window.scrollTo({ top: scrollY });
}

/**
 * Puts a Markdown block (a quote) into the page's post editor, keeping all
 * that is typed: at the caret when the person has been in the box, else at
 * the end; then the box has focus, the caret after the block, and is in view.
 * False when the page has no editor.
 */
export function insertIntoEditor(block: string): boolean {
  const box = document.getElementById(EDITOR_ID);
  if (!(box instanceof HTMLTextAreaElement)) return false;
  const state = visited.has(box) ? textState(box) : { value: box.value, start: box.value.length, end: box.value.length };
  applyTextEdit(box, insertBlock(state, block));
  markVisited(box);
  growToFit(box);
  box.scrollIntoView({ block: "center", behavior: "auto" });
  // At its maximum height the box scrolls inside itself: bring the caret's part of the text into view.
  if (box.scrollHeight > box.clientHeight && box.value.length > 0) {
    box.scrollTop = Math.max(0, (box.scrollHeight * box.selectionEnd) / box.value.length - box.clientHeight / 2);
  }
  return true;
}
