import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { MessageKey } from "../../i18n/index";
import { useTranslate } from "../../i18n/react";

const ACCEPT = "image/jpeg,image/png,image/webp,image/gif,application/pdf,.jpg,.jpeg,.png,.webp,.gif,.pdf";

interface Upload {
  key: number;
  name: string;
  /** 0–1 while sending; null once done or refused. */
  progress: number | null;
  error?: string;
}

/**
 * The file field of a post form (`files`, sent with the form: works without
 * JavaScript). With JavaScript, files pasted into or dropped onto the text
 * box of the same form (`#field-body`) are uploaded at once, with progress,
 * and their Markdown is inserted at the caret.
 */
export function AttachmentField({ error }: { error?: MessageKey }) {
  const t = useTranslate();
  const field = useRef<HTMLDivElement>(null);
  // True once running in the browser: only then can files be pasted or dropped.
  const scripted = useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );
  const [uploads, setUploads] = useState<Upload[]>([]);

  useEffect(() => {
    const textarea = field.current?.closest("form")?.querySelector<HTMLTextAreaElement>("#field-body");
    if (!textarea) return;
    let next = 0;
    const update = (key: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

    const insert = (markdown: string) => {
      const start = textarea.selectionStart ?? textarea.value.length;
      const end = textarea.selectionEnd ?? start;
      const before = textarea.value.slice(0, start);
      const after = textarea.value.slice(end);
      const text = `${before && !before.endsWith("\n") ? "\n\n" : ""}${markdown}\n\n`;
      textarea.value = `${before}${text}${after}`;
      const caret = before.length + text.length;
      textarea.setSelectionRange(caret, caret);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    };

    const upload = (file: File) => {
      const key = next++;
      setUploads((list) => [...list, { key, name: file.name, progress: 0 }]);
      const body = new FormData();
      body.set("file", file);
      const request = new XMLHttpRequest();
      request.open("POST", "/uploads");
      request.setRequestHeader("Accept", "application/json");
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) update(key, { progress: event.loaded / event.total });
      };
      request.onload = () => {
        let answer: { markdown?: string; error?: string } = {};
        try {
          answer = JSON.parse(request.responseText) as typeof answer;
        } catch {
          // A page instead of JSON (e.g. 413 before the app): the generic message below.
        }
        if (request.status === 200 && answer.markdown) {
          insert(answer.markdown);
          update(key, { progress: null });
        } else {
          update(key, { progress: null, error: answer.error ?? t(request.status === 413 ? "uploads.tooLarge" : "uploads.corrupt") });
        }
      };
      request.onerror = () => update(key, { progress: null, error: t("error.unavailable.text") });
      request.send(body);
    };

    const filesOf = (data: DataTransfer | null) => [...(data?.files ?? [])];
    const onPaste = (event: ClipboardEvent) => {
      const files = filesOf(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      files.forEach(upload);
    };
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = filesOf(event.dataTransfer);
      if (files.length === 0) return;
      event.preventDefault();
      textarea.focus();
      files.forEach(upload);
    };
    textarea.addEventListener("paste", onPaste);
    textarea.addEventListener("dragover", onDragOver);
    textarea.addEventListener("drop", onDrop);
    return () => {
      textarea.removeEventListener("paste", onPaste);
      textarea.removeEventListener("dragover", onDragOver);
      textarea.removeEventListener("drop", onDrop);
    };
  }, [t]);

  return (
    <div ref={field} className={error ? "field attachments field--invalid" : "field attachments"}>
      <label htmlFor="field-files">{t("uploads.field")}</label>
      <p className="field__hint" id="field-files-hint">
        {t(scripted ? "uploads.hint" : "uploads.hintNoScript")}
      </p>
      <input
        id="field-files"
        type="file"
        name="files"
        multiple
        accept={ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-files-hint field-files-error" : "field-files-hint"}
      />
      {error ? (
        <p className="field__error" id="field-files-error">
          {t(error)}
        </p>
      ) : null}
      {uploads.length > 0 ? (
        <ul className="attachments__list" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key} className={u.error ? "attachments__item attachments__item--failed" : "attachments__item"}>
              {u.error ? (
                t("uploads.failed", { name: u.name, error: u.error })
              ) : u.progress === null ? (
                t("uploads.done", { name: u.name })
              ) : (
                <>
                  {t("uploads.uploading", { name: u.name })}{" "}
                  <progress max={1} value={u.progress} aria-label={u.name} />
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
