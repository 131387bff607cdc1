import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { EmailFrequency } from "../../db/schema";
import { requireMember } from "../auth/session.server";
import { FormMessage } from "../components/form-fields";
import { emailPreferences, setEmailPreference } from "../domain/notifications/email.server";
import { EMAIL_KINDS, EMAIL_KIND_LABELS, type EmailKind } from "../domain/notifications/texts";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { formFailure, readForm } from "../lib/http.server";

const FREQUENCIES: Array<[EmailFrequency, MessageKey]> = [
  ["immediately", "email.frequency.immediately"],
  ["daily", "email.frequency.daily"],
  ["weekly", "email.frequency.weekly"],
  ["never", "email.frequency.never"],
];

/** The digest is weekly or nothing; the other kinds at once, daily or never. */
const choicesFor = (kind: EmailKind) => FREQUENCIES.filter(([f]) => (kind === "digest" ? f === "weekly" || f === "never" : f !== "weekly"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  return { preferences: await emailPreferences(context.db, member.id) };
}

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const member = requireMember(context.actor, request);
  const values = await readForm(request);
  const chosen: Array<[EmailKind, EmailFrequency]> = [];
  for (const kind of EMAIL_KINDS) {
    const value = values[kind];
    if (value === undefined) continue;
    if (!choicesFor(kind).some(([f]) => f === value)) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    chosen.push([kind, value as EmailFrequency]);
  }
  for (const [kind, frequency] of chosen) await setEmailPreference(context.db, member.id, kind, frequency);
  return { ok: true as const };
}

export default function EmailSettings() {
  const { preferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: true } | { ok: false } | undefined;
  const t = useTranslate();
  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t("email.settings.title")}</h2>
      <p>{t("email.settings.intro")}</p>
      {result?.ok ? <FormMessage kind="success">{t("email.settings.saved")}</FormMessage> : null}
      {result && !result.ok ? <FormMessage kind="error">{t("error.badRequest.text")}</FormMessage> : null}
      <Form method="post">
        {EMAIL_KINDS.map((kind) => (
          <fieldset key={kind} className="field email-pref">
            <legend>{t(EMAIL_KIND_LABELS[kind])}</legend>
            {choicesFor(kind).map(([frequency, label]) => (
              <label key={frequency} className="choice choice--inline">
                <input type="radio" name={kind} value={frequency} defaultChecked={preferences[kind] === frequency} /> {t(label)}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
    </section>
  );
}
