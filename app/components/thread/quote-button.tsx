import { useRef, useState, type MouseEvent } from "react";
import { useTranslate } from "../../i18n/react";
import { insertIntoEditor } from "../editor/editor-dom";
import { formatQuote } from "../editor/markdown-edits";

/** The words selected inside this post's text, or "". */
function selectedWordsIn(button: HTMLElement): string {
  const selection = window.getSelection();
  const body = button.closest(".post")?.querySelector(".user-content");
  if (!selection || selection.isCollapsed || !body || !selection.anchorNode || !body.contains(selection.anchorNode) || !body.contains(selection.focusNode)) return "";
  return selection.toString().trim();
}

/**
 * "Quote" under a post. Without JavaScript a submit button of the reply form
 * (`form="reply-form"`): the server keeps what was typed, adds the quote and
 * comes back to the box. With JavaScript it adds the quote to the reply box
 * in place, never replacing what is typed: the selected words of this post,
 * or the whole post's Markdown fetched from `/posts/:id/quote`.
 */
export function QuoteButton({ postId, author, href }: { postId: number; author: string; href: string }) {
  const t = useTranslate();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  // A mouse press may collapse the selection before the click: read it first.
  const pressed = useRef("");

  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    const words = pressed.current || selectedWordsIn(event.currentTarget);
    pressed.current = "";
    if (words) {
      insertIntoEditor(formatQuote(author, href, words));
      setState("idle");
      return;
    }
    if (state === "busy") return;
    setState("busy");
    fetch(`/posts/${postId}/quote`, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<{ markdown?: unknown }>) : null))
      .then((data) => {
        const ok = typeof data?.markdown === "string" && insertIntoEditor(data.markdown);
        setState(ok ? "idle" : "failed");
      })
      .catch(() => setState("failed"));
  };

  return (
    <>
      <button
        type="submit"
        form="reply-form"
        name="quote"
        value={postId}
        formNoValidate
        className="link-button"
        data-quote-author={author}
        data-quote-href={href}
        aria-busy={state === "busy" || undefined}
        onMouseDown={(event) => {
          pressed.current = selectedWordsIn(event.currentTarget);
        }}
        onClick={onClick}
      >
        {t("threads.quote")}
      </button>
      {state === "failed" ? (
        <span role="alert" className="post__tools-error">
          {t("threads.quoteFailed")}
        </span>
      ) : null}
    </>
  );
}
