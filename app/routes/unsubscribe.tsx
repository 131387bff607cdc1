import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "../components/form-fields";
import { setEmailPreference, verifyUnsubscribe } from "../domain/notifications/email.server";
import { EMAIL_KIND_LABELS, type EmailKind } from "../domain/notifications/texts";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

/** The signed link of an email: no sign-in needed; a forged or altered link does nothing. */
async function verified(request: Request, context: LoaderFunctionArgs["context"]) {
  const url = new URL(request.url);
  const memberId = url.searchParams.get("m") ?? "";
  const kind = url.searchParams.get("k") ?? "";
  const signature = url.searchParams.get("s") ?? "";
  const ok = await verifyUnsubscribe(context.db, memberId, kind, signature);
  return ok ? { memberId, kind: kind as EmailKind } : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const link = await verified(request, context);
  const locale = requestLocale(request, context.actor);
  return json({ locale, kind: link?.kind ?? null }, { status: link ? 200 : 400, headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("unsubscribe.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const link = await verified(request, context);
  if (!link) return json({ done: false }, { status: 400 });
  await setEmailPreference(context.db, link.memberId, link.kind, "never");
  return json({ done: true });
}

export default function Unsubscribe() {
  const { kind } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useTranslate();
  return (
    <div>
      <h1>{t("unsubscribe.title")}</h1>
      {result?.done ? (
        <FormMessage kind="success">{t("unsubscribe.done")}</FormMessage>
      ) : kind ? (
        <Form method="post">
          <p>{t("unsubscribe.question", { kind: t(EMAIL_KIND_LABELS[kind]) })}</p>
          <button type="submit" className="button">
            {t("unsubscribe.submit")}
          </button>
        </Form>
      ) : (
        <FormMessage kind="error">{t("unsubscribe.invalid")}</FormMessage>
      )}
    </div>
  );
}
