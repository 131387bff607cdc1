import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { UserHtml } from "./user-html";

interface PostEditorProps {
  defaultValue?: string;
  error?: MessageKey;
  /** Server-rendered preview of what was typed (same function as saving). */
  previewHtml?: string | null;
  idempotencyKey: string;
  submitLabel: string;
  label: string;
}

/**
 * The Markdown box of a post form. "Preview" is a real submit (intent=preview)
 * that comes back with the rendered text and everything typed, so it works
 * without JavaScript.
 */
export function PostEditor({ defaultValue, error, previewHtml, idempotencyKey, submitLabel, label }: PostEditorProps) {
  const t = useTranslate();
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className={error ? "field field--invalid" : "field"}>
        <label htmlFor="field-body">{label}</label>
        <p className="field__hint" id="field-body-hint">
          {t("editor.hint")}
        </p>
        <textarea
          id="field-body"
          name="body"
          rows={8}
          maxLength={32000}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-body-hint field-body-error" : "field-body-hint"}
        />
        {error ? (
          <p className="field__error" id="field-body-error">
            {t(error)}
          </p>
        ) : null}
      </div>
      {previewHtml !== undefined && previewHtml !== null ? (
        <section className="preview" aria-labelledby="preview-title">
          <h2 id="preview-title" className="preview__title">
            {t("editor.preview")}
          </h2>
          <UserHtml html={previewHtml} />
        </section>
      ) : null}
      <div className="button-row">
        <button type="submit" name="intent" value="post" className="button">
          {submitLabel}
        </button>
        <button type="submit" name="intent" value="preview" className="button button--secondary" formNoValidate>
          {t("editor.previewButton")}
        </button>
      </div>
    </>
  );
}
