import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "../components/form-fields";
import { endMemberSession, endOtherSessions } from "../domain/accounts/commands.server";
import { listMemberSessions } from "../domain/accounts/queries.server";
import { requireMember } from "../auth/session.server";
import { formatDateTime } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { formFailure, readForm, type FormFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  return {
    sessions: await listMemberSessions(context.db, member.id, context.sessionToken),
    timeZone: member.timeZone,
  };
}

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const values = await readForm(request);
  if (values.intent === "end-others" && context.sessionToken) {
    await endOtherSessions(context.db, context.guardian, context.sessionToken);
    return { ok: true as const };
  }
  if (values.intent === "end" && values.sessionId && /^[0-9a-f]{64}$/.test(values.sessionId)) {
    const result = await endMemberSession(context.db, context.guardian, values.sessionId);
    if (!result.ok) return formFailure(values, result);
    return { ok: true as const };
  }
  return formFailure(values, { status: 400, formError: "error.badRequest.text" });
}

export default function Sessions() {
  const { sessions, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | { ok: true } | undefined;
  const t = useTranslate();
  const locale = useLocale();
  const when = (iso: string) => formatDateTime(new Date(iso), locale, timeZone, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("sessions.title")}</h2>
      <p>{t("sessions.intro")}</p>
      {result && !result.ok && result.formError ? <FormMessage kind="error">{t(result.formError)}</FormMessage> : null}
      {result?.ok ? <FormMessage kind="success">{t("sessions.ended")}</FormMessage> : null}
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.id} className="session">
            <div>
              <strong>
                {session.browser || t("sessions.unknownBrowser")}
                {session.system ? ` · ${session.system}` : ""}
              </strong>
              {session.current ? <span className="badge badge--ok"> {t("sessions.current")}</span> : null}
              <p className="muted">
                {t("sessions.created", { when: when(session.createdAt) })} · {t("sessions.lastSeen", { when: when(session.lastSeenAt) })}
              </p>
            </div>
            {session.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="button button--secondary">
                  {t("sessions.end")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button">
            {t("sessions.endOthers")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
