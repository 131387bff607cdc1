import { Link } from "@remix-run/react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";

const MESSAGES: Record<number, [MessageKey, MessageKey]> = {
  400: ["error.badRequest.title", "error.badRequest.text"],
  403: ["error.forbidden.title", "error.forbidden.text"],
  404: ["error.notFound.title", "error.notFound.text"],
  405: ["error.badRequest.title", "error.badRequest.text"],
  413: ["error.tooLarge.title", "error.tooLarge.text"],
  503: ["error.unavailable.title", "error.unavailable.text"],
};

/** The one page for every error status, translated; never shows a stack trace. */
export function ErrorPage({ status }: { status: number }) {
  const t = useTranslate();
  const [title, text] = MESSAGES[status] ?? ["error.server.title", "error.server.text"];
  return (
    <div className="error-page">
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </div>
  );
}
