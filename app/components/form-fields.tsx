import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";

interface FieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "url";
  defaultValue?: string;
  error?: MessageKey;
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  autoFocus?: boolean;
}

/** A labelled input with its hint and translated error, wired for screen readers. */
export function Field({ name, label, type = "text", defaultValue, error, hint, ...rest }: FieldProps) {
  const t = useTranslate();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...rest}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  defaultValue?: string;
  error?: MessageKey;
  hint?: string;
  rows?: number;
  maxLength?: number;
}

export function TextArea({ name, label, defaultValue, error, hint, rows = 5, maxLength }: TextAreaProps) {
  const t = useTranslate();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A message for the whole form (role=alert so it is announced). */
export function FormMessage({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`form-message form-message--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
