import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { FailureMessage } from "./failure-message";
import { UserHtml } from "./user-html";

interface PostEditorProps {
  defaultValue?: string;
  error?: MessageKey;
  /** Server-rendered preview of what was typed (same function as saving). */
  previewHtml?: string | null;
  idempotencyKey: string;
  submitLabel: string;
  label: string;
  /** The thread being replied to: mention suggestions then name only members who may read it. */
  threadId?: number;
  /** Fields shown under the text box, before the buttons (the file field, `app/components/editor/attachments.tsx`). */
  children?: ReactNode;
}

interface Suggestion {
  username: string;
  name: string;
}

/** "@ann" right before the caret: the part after @ and where it starts. */
function mentionAt(text: string, caret: number): { query: string; start: number } | null {
  const match = /(^|[\s(])@([\p{L}\p{N}_.-]{1,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { query: match[2]!, start: caret - match[2]!.length };
}

/**
 * The Markdown box of a post form. "Preview" is a real submit (intent=preview)
 * that comes back with the rendered text and everything typed, so it works
 * without JavaScript; with JavaScript it goes through a fetcher and the page
 * stays put. With JavaScript, typing @ and a few letters suggests members.
 */
export function PostEditor({ defaultValue, error, previewHtml, idempotencyKey, submitLabel, label, threadId, children }: PostEditorProps) {
  const t = useTranslate();
  const preview = useFetcher<{ ok: boolean; preview?: string; formError?: MessageKey; fieldErrors?: { body?: MessageKey }; retryAfterSeconds?: number }>();
  // A preview through the fetcher that refused the text (characters posting would refuse too).
  const previewError = preview.data && !preview.data.ok ? preview.data.fieldErrors?.body : undefined;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ query: string; start: number } | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!mention) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/mentions?q=${encodeURIComponent(mention.query)}${threadId ? `&thread=${threadId}` : ""}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<{ members: Suggestion[] }>) : { members: [] }))
        .then((data) => {
          setSuggestions(data.members);
          setActive(0);
        })
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [mention, threadId]);

  const update = () => {
    const box = textarea.current;
    if (!box) return;
    const found = mentionAt(box.value, box.selectionStart);
    setMention((current) => (found?.query === current?.query && found?.start === current?.start ? current : found));
    if (!found) setSuggestions([]);
  };

  const choose = (suggestion: Suggestion) => {
    const box = textarea.current;
    if (!box || !mention) return;
    const before = box.value.slice(0, mention.start);
    const after = box.value.slice(box.selectionStart);
    box.value = `${before}${suggestion.username} ${after}`;
    const caret = before.length + suggestion.username.length + 1;
    box.focus();
    box.setSelectionRange(caret, caret);
    setMention(null);
    setSuggestions([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setSuggestions([]);
      setMention(null);
    }
  };

  const onPreview = (event: MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!form) return;
    event.preventDefault();
    const data = new FormData(form);
    data.set("intent", "preview");
    preview.submit(data, { method: "post" });
  };

  const shownPreview = preview.data?.ok && typeof preview.data.preview === "string" ? preview.data.preview : previewHtml;
  const open = suggestions.length > 0;
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className={error ? "field field--invalid" : "field"}>
        <label htmlFor="field-body">{label}</label>
        <p className="field__hint" id="field-body-hint">
          {t("editor.hint")}
        </p>
        <div className="editor">
          <textarea
            ref={textarea}
            id="field-body"
            name="body"
            rows={8}
            maxLength={32000}
            defaultValue={defaultValue}
            aria-invalid={error || previewError ? true : undefined}
            aria-describedby={error || previewError ? "field-body-hint field-body-error" : "field-body-hint"}
            aria-autocomplete="list"
            aria-controls={open ? "mention-list" : undefined}
            aria-activedescendant={open ? `mention-${active}` : undefined}
            onInput={update}
            onKeyUp={(event) => {
              if (!["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"].includes(event.key)) update();
            }}
            onClick={update}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setSuggestions([]), 150)}
          />
          {open ? (
            <ul id="mention-list" role="listbox" aria-label={t("editor.mentionSuggestions")} className="mention-list">
              {suggestions.map((s, i) => (
                <li
                  key={s.username}
                  id={`mention-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? "mention-list__option mention-list__option--active" : "mention-list__option"}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(s);
                  }}
                >
                  <strong>@{s.username}</strong> <span className="muted">{s.name}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="visually-hidden" aria-live="polite">
            {open ? t("editor.mentionCount", { count: suggestions.length }) : ""}
          </p>
        </div>
        {error || previewError ? (
          <p className="field__error" id="field-body-error">
            {t((error ?? previewError)!)}
          </p>
        ) : null}
      </div>
      {children}
      {preview.data && !preview.data.ok ? <FailureMessage failure={preview.data} /> : null}
      {shownPreview !== undefined && shownPreview !== null ? (
        <section className="preview" aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title" className="preview__title">
            {t("editor.preview")}
          </h2>
          <UserHtml html={shownPreview} />
        </section>
      ) : null}
      <div className="button-row">
        <button type="submit" name="intent" value="post" className="button">
          {submitLabel}
        </button>
        <button type="submit" name="intent" value="preview" className="button button--secondary" formNoValidate onClick={onPreview}>
          {t("editor.previewButton")}
        </button>
      </div>
    </>
  );
}
