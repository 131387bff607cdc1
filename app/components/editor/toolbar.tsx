import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { MessageKey } from "../../i18n/index";
import { useTranslate } from "../../i18n/react";
import type { FormatAction } from "./markdown-edits";

const svg = (children: ReactNode) => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

const BUTTONS: Array<{ action: FormatAction; label: MessageKey; key?: string; icon: ReactNode }> = [
  { action: "bold", label: "editor.tool.bold", key: "B", icon: <span className="editor-toolbar__letter editor-toolbar__letter--bold">B</span> },
  { action: "italic", label: "editor.tool.italic", key: "I", icon: <span className="editor-toolbar__letter editor-toolbar__letter--italic">I</span> },
  {
    action: "link",
    label: "editor.tool.link",
    key: "K",
    icon: svg(
      <>
        <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
        <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
      </>,
    ),
  },
  { action: "heading", label: "editor.tool.heading", icon: <span className="editor-toolbar__letter editor-toolbar__letter--bold">H</span> },
  {
    action: "quote",
    label: "editor.tool.quote",
    icon: svg(
      <>
        <path d="M4 5v14" />
        <path d="M9 8h11M9 12h11M9 16h7" />
      </>,
    ),
  },
  {
    action: "bullets",
    label: "editor.tool.bullets",
    icon: svg(
      <>
        <path d="M9 6h12M9 12h12M9 18h12" />
        <circle cx="4" cy="6" r="1" fill="currentColor" />
        <circle cx="4" cy="12" r="1" fill="currentColor" />
        <circle cx="4" cy="18" r="1" fill="currentColor" />
      </>,
    ),
  },
  {
    action: "numbers",
    label: "editor.tool.numbers",
    icon: svg(
      <>
        <path d="M10 6h11M10 12h11M10 18h11" />
        <path d="M4 4v4M3 16h3l-3 4h3" strokeWidth="1.6" />
      </>,
    ),
  },
  {
    action: "code",
    label: "editor.tool.code",
    icon: svg(
      <>
        <polyline points="16 18 22 12 16 6" />
        <polyline points="8 6 2 12 8 18" />
      </>,
    ),
  },
];

/**
 * The formatting buttons above the text box: one tab stop, arrow keys move
 * between the buttons (a WAI-ARIA toolbar). A mouse press leaves the focus and
 * the selection in the text box.
 */
export function EditorToolbar({ controls, onFormat, mac }: { controls: string; onFormat: (action: FormatAction) => void; mac: boolean }) {
  const t = useTranslate();
  const [current, setCurrent] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = BUTTONS.length - 1;
    const next =
      event.key === "ArrowRight" ? (current === last ? 0 : current + 1)
      : event.key === "ArrowLeft" ? (current === 0 ? last : current - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label={t("editor.toolbar")} aria-controls={controls} className="editor-toolbar" onKeyDown={move}>
      {BUTTONS.map((button, index) => {
        const name = t(button.label);
        const title = button.key ? `${name} (${mac ? "⌘" : "Ctrl+"}${button.key})` : name;
        return (
          <button
            key={button.action}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className="editor-toolbar__button"
            tabIndex={index === current ? 0 : -1}
            aria-label={name}
            aria-keyshortcuts={button.key ? `${mac ? "Meta" : "Control"}+${button.key}` : undefined}
            title={title}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrent(index)}
            onClick={() => onFormat(button.action)}
          >
            {button.icon}
          </button>
        );
      })}
    </div>
  );
}
