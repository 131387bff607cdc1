import { Form, Link } from "@remix-run/react";
import { useTranslate } from "../../i18n/react";
import { Field } from "../form-fields";
import type { FormFailure } from "../../lib/http.server";

/** A meetup's host tools: edit it, or cancel it with a reason. */
export function EventHostTools({ event, failure }: { event: { id: number }; failure: FormFailure | undefined }) {
  const t = useTranslate();
  const values = failure?.values ?? {};
  return (
    <section aria-labelledby="host-title" className="host-tools">
      <h2 id="host-title">{t("groups.hostTools")}</h2>
      <p>
        <Link to={`/e/${event.id}/edit`} className="button button--secondary">
          {t("events.edit")}
        </Link>
      </p>
      <details open={failure && values.intent === "cancel" ? true : undefined}>
        <summary>{t("events.cancel")}</summary>
        <Form method="post" noValidate>
          <Field name="reason" label={t("events.cancelReason")} maxLength={500} defaultValue={values.reason} error={failure?.fieldErrors.reason} />
          <button type="submit" name="intent" value="cancel" className="button button--danger">
            {t("events.cancelSubmit")}
          </button>
        </Form>
      </details>
    </section>
  );
}
