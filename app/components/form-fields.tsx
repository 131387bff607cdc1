import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";

interface FieldFrameProps {
  name: string;
  label: string;
  hint?: string;
  error?: MessageKey;
  /** Renders the control with its id and the ARIA wiring to the hint and error. */
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}

/** Label, hint and translated error around one control, wired for screen readers. */
function FieldFrame({ name, label, hint, error, children }: FieldFrameProps) {
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
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "url" | "number" | "datetime-local";
  inputMode?: "numeric" | "text";
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

/** A labelled input with its hint and translated error. */
export function Field({ name, label, type = "text", defaultValue, error, hint, ...rest }: FieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(control) => <input {...control} name={name} type={type} defaultValue={defaultValue} {...rest} />}
    </FieldFrame>
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
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} name={name} rows={rows} maxLength={maxLength} defaultValue={defaultValue} />}
    </FieldFrame>
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
