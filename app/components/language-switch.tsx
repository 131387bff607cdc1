import { Form, useLocation } from "@remix-run/react";
import type { Locale } from "../i18n/index";
import { useTranslate } from "../i18n/react";

/** A real form: works without JavaScript (post + redirect), and as a Remix form with it. */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = useTranslate();
  const location = useLocation();
  const other: Locale = locale === "nl" ? "en" : "nl";
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={t("language.label")}>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" lang={other} title={t("language.switchHint")}>
        {t("language.switchTo")}
      </button>
    </Form>
  );
}
