import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/session.server";
import { notFound } from "../auth/guards.server";
import { markAllRead, markRead } from "../domain/notifications/commands.server";
import { listNotifications, NOTIFICATIONS_PER_PAGE } from "../domain/notifications/queries.server";
import { formatDateTime, translator } from "../i18n/index";
import { notificationText } from "../domain/notifications/texts";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, readForm } from "../lib/http.server";
import { Pagination } from "../components/pagination";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  const pageParam = new URL(request.url).searchParams.get("page");
  const page = pageParam === null ? 1 : /^[1-9][0-9]{0,5}$/.test(pageParam) ? Number(pageParam) : 0;
  if (page < 1) notFound();
  const notifications = await listNotifications(context.db, member.id, page);
  if (page > 1 && notifications.length === 0) notFound();
  return { locale: requestLocale(request, member), notifications, page, hasMore: notifications.length === NOTIFICATIONS_PER_PAGE };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("notifications.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const member = requireMember(context.actor, request);
  const values = await readForm(request);
  if (values.intent === "all") {
    await markAllRead(context.db, member.id);
  } else if (values.intent === "one" && /^[1-9][0-9]{0,15}$/.test(values.id ?? "")) {
    if (!(await markRead(context.db, member.id, Number(values.id)))) notFound();
  } else {
    return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  }
  throw redirect("/notifications");
}

export default function Notifications() {
  const { notifications, page, hasMore } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  const unread = notifications.some((n) => !n.read);
  return (
    <div>
      <h1>{t("notifications.title")}</h1>
      {unread ? (
        <Form method="post">
          <button type="submit" name="intent" value="all" className="button button--secondary">
            {t("notifications.markAll")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p className="muted">{t("notifications.none")}</p> : null}
      <ul className="notification-list">
        {notifications.map((n) => {
          const text = notificationText(t, n);
          return (
            <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
              {n.read ? null : <span className="badge badge--unread">{t("threads.new.badge")}</span>}{" "}
              {n.href ? <Link to={`/notifications/${n.id}`}>{text}</Link> : <span>{text}</span>}{" "}
              <span className="muted">
                · <time dateTime={n.at}>{formatDateTime(new Date(n.at), locale, undefined, { dateStyle: "medium", timeStyle: "short" })}</time>
              </span>
              {n.read ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" name="intent" value="one" className="link-button">
                    {t("notifications.markOne")}
                  </button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
      <Pagination
        label={t("notifications.pages")}
        page={page}
        href={(n) => (n > 1 ? `/notifications?page=${n}` : "/notifications")}
        hasNext={hasMore}
        previousText={t("threads.newer")}
        nextText={t("threads.older")}
      />
    </div>
  );
}
