import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listDevMailbox } from "../domain/accounts/queries.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { isDirectLocalRequest } from "../lib/local-request.server";

/** Emails kept while no email API is configured. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.guardian.canReadDevMailbox({ directLocalRequest: isDirectLocalRequest(request, context) })) {
    throw new Response("Not Found", { status: 404 });
  }
  const messages = await listDevMailbox(context.db);
  // Who may read it depends on where the request comes from, which no cache key holds: never cached.
  return json({
    locale: requestLocale(request, context.actor),
    apiConfigured: Boolean(context.config.EMAIL_API_URL),
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to_address,
      subject: m.subject,
      text: m.body_text,
      createdAt: m.created_at.toISOString(),
    })),
  }, { headers: { "Cache-Control": "private, no-store" } });
}

export { formRouteHeaders as headers } from "../lib/route-headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("devmail.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function DevMailbox() {
  const { messages, apiConfigured } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  return (
    <div>
      <h1>{t("devmail.title")}</h1>
      <p>{t(apiConfigured ? "devmail.introApi" : "devmail.intro")}</p>
      {messages.length === 0 ? <p>{t("devmail.empty")}</p> : null}
      <ol className="mail-list">
        {messages.map((message) => (
          <li key={message.id} className="mail">
            <h2 className="mail__subject">{message.subject}</h2>
            <p className="muted">
              {t("devmail.to", { to: message.to })} · {formatDateTime(new Date(message.createdAt), locale)}
            </p>
            <pre className="mail__body">{linkify(message.text)}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Turns the links in a plain-text email into anchors, as React elements (no HTML injection). */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
