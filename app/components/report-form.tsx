import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { FormMessage } from "./form-fields";

const REASONS: Array<["spam" | "rude" | "off_topic" | "other", MessageKey]> = [
  ["spam", "reports.reason.spam"],
  ["rude", "reports.reason.rude"],
  ["off_topic", "reports.reason.off_topic"],
  ["other", "reports.reason.other"],
];

/**
 * Report a post: reason and an optional explanation, behind a disclosure (no
 * JavaScript needed). With `href`, a closed form is only a link to the same
 * page with this form open: a thread page does not carry 25 report forms.
 */
export function ReportForm({
  postId,
  open,
  values,
  errors,
  message,
  legend = "reports.legend",
  summary = "reports.report",
  href,
}: {
  /** Where the form is shown open (the page itself with a query), when it should not be sent closed. */
  href?: string;
  /** The reported post; none for a meetup (its page says which). */
  postId?: number;
  legend?: MessageKey;
  summary?: MessageKey;
  open: boolean;
  values: Record<string, string>;
  errors: Partial<Record<string, MessageKey>>;
  message?: MessageKey;
}) {
  const t = useTranslate();
  const prefix = `report-${postId ?? "event"}`;
  if (href && !open) {
    return (
      <Link to={href} preventScrollReset>
        {t(summary)}
      </Link>
    );
  }
  return (
    <details className="post__confirm" open={open || undefined}>
      <summary>{t(summary)}</summary>
      <Form method="post" noValidate>
        {message ? <FormMessage kind="error">{t(message)}</FormMessage> : null}
        {postId !== undefined ? <input type="hidden" name="postId" value={postId} /> : null}
        <fieldset className={errors.reason ? "field field--invalid" : "field"}>
          <legend>{t(legend)}</legend>
          {REASONS.map(([value, key]) => (
            <label key={value} className="choice">
              <input type="radio" name="reason" value={value} defaultChecked={values.reason === value} /> {t(key)}
            </label>
          ))}
          {errors.reason ? <p className="field__error">{t(errors.reason)}</p> : null}
        </fieldset>
        <div className={errors.text ? "field field--invalid" : "field"}>
          <label htmlFor={`${prefix}-text`}>{t("reports.text")}</label>
          <textarea
            id={`${prefix}-text`}
            name="text"
            rows={2}
            maxLength={1000}
            defaultValue={values.text}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? `${prefix}-text-error` : undefined}
          />
          {errors.text ? (
            <p className="field__error" id={`${prefix}-text-error`}>
              {t(errors.text)}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="report" className="button button--secondary">
          {t("reports.submit")}
        </button>
      </Form>
    </details>
  );
}
