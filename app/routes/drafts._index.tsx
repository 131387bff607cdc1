import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireMember } from "../auth/session.server";
import { FormMessage } from "../components/form-fields";
import { deleteDraftById, listDrafts } from "../domain/drafts/drafts.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, readForm, respondToFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  return { locale: requestLocale(request, member), drafts: await listDrafts(context.db, context.guardian) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("drafts.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const values = await readForm(request);
  if (values.intent !== "delete" || !/^[1-9][0-9]{0,15}$/.test(values.id ?? "")) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  const result = await deleteDraftById(context.db, context.guardian, Number(values.id));
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect("/drafts?deleted=1");
}

export default function Drafts() {
  const { drafts } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  return (
    <div>
      <h1>{t("drafts.title")}</h1>
      {searchParams.get("deleted") ? <FormMessage kind="success">{t("drafts.deleted")}</FormMessage> : null}
      <p className="muted">{drafts.length === 0 ? t("drafts.empty") : t("drafts.intro")}</p>
      {drafts.length > 0 ? (
        <ul className="draft-list">
          {drafts.map((draft) => {
            const place = draft.threadTitle !== null ? t("drafts.replyTo", { title: draft.threadTitle }) : t("drafts.newThreadIn", { circle: draft.groupName });
            return (
              <li key={draft.id} className="draft-list__item">
                <h2 className="draft-list__place">
                  <Link to={draft.href}>{place}</Link>
                </h2>
                {draft.title ? <p className="draft-list__title">{draft.title}</p> : null}
                <p className="draft-list__excerpt">{draft.excerpt || <span className="muted">{t("drafts.noText")}</span>}</p>
                <div className="button-row">
                  <span className="muted">
                    {t("drafts.savedOn", {
                      when: formatDateTime(new Date(draft.updatedAt), locale, undefined, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </span>
                  <Link to={draft.href} className="button button--secondary">
                    {t("drafts.continue")}
                  </Link>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={draft.id} />
                    <button type="submit" name="intent" value="delete" className="link-button" aria-label={t("drafts.deleteLabel", { place })}>
                      {t("drafts.delete")}
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
