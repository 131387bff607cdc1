import { useEffect } from "react";

/**
 * With JavaScript: select words in a post, then its Quote link quotes just
 * those words into the reply box (linking back) instead of loading the page
 * with the whole post quoted.
 */
export function useQuoteSelection() {
  useEffect(() => {
    // A mouse press on the link would collapse the selection before the click: read it first.
    let pressed: { link: HTMLAnchorElement; text: string } | null = null;
    const selectedIn = (link: HTMLAnchorElement): string => {
      const selection = window.getSelection();
      const body = link.closest(".post")?.querySelector(".user-content");
      if (!selection || selection.isCollapsed || !body || !selection.anchorNode || !body.contains(selection.anchorNode) || !body.contains(selection.focusNode)) return "";
      return selection.toString().trim();
    };
    const onMouseDown = (event: globalThis.MouseEvent) => {
      const link = (event.target as HTMLElement | null)?.closest<HTMLAnchorElement>("a[data-quote-href]");
      pressed = link ? { link, text: selectedIn(link) } : null;
    };
    const onClick = (event: globalThis.MouseEvent) => {
      const link = (event.target as HTMLElement | null)?.closest<HTMLAnchorElement>("a[data-quote-href]");
      const box = document.getElementById("field-body") as HTMLTextAreaElement | null;
      if (!link || !box) return;
      const text = pressed?.link === link && pressed.text ? pressed.text : selectedIn(link);
      pressed = null;
      if (!text) return;
      event.preventDefault();
      const quoted = text
        .split("\n")
        .map((line) => `> ${line}`.trimEnd())
        .join("\n");
      const quote = `[@${link.dataset.quoteAuthor || "…"}](${link.dataset.quoteHref}):\n${quoted}\n\n`;
      box.value = box.value.trim() ? `${box.value.trimEnd()}\n\n${quote}` : quote;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
      box.scrollIntoView({ block: "center" });
    };
    document.addEventListener("mousedown", onMouseDown, true);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("mousedown", onMouseDown, true);
      document.removeEventListener("click", onClick);
    };
  }, []);
}
