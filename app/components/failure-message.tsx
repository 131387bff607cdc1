import type { MessageKey } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { FormMessage } from "./form-fields";

/** "in 15 minutes" / "over 15 minuten", from a Retry-After in seconds. */
function formatWait(seconds: number, locale: string): string {
  const [value, unit] = seconds >= 120 ? [Math.ceil(seconds / 60), "minute"] : [Math.max(1, Math.ceil(seconds)), "second"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** The form-level error of a rejected form, if any. */
export function FailureMessage({ failure }: { failure?: { formError?: MessageKey; retryAfterSeconds?: number } | null }) {
  const t = useTranslate();
  const locale = useLocale();
  if (!failure?.formError) return null;
  return <FormMessage kind="error">{t(failure.formError, { wait: formatWait(failure.retryAfterSeconds ?? 60, locale) })}</FormMessage>;
}
