import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { liftSuspension, suspendMember, suspensionSchema } from "../domain/moderation/suspensions.server";
import { parseForm, readForm, respondToFailure, type FormFailure } from "../lib/http.server";
import { excerpt, pageMeta } from "../lib/page-meta";
import { Avatar } from "../components/avatar";
import { UserHtml } from "../components/user-html";
import { findPublicProfile } from "../domain/accounts/queries.server";
import { loadProfilePage } from "../domain/accounts/profile.server";
import { EventList } from "../components/events";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const username = params.username ?? "";
  if (username.length > 60) throw new Response("Not Found", { status: 404 });
  const locale = requestLocale(request, context.actor);
  const page = await loadProfilePage(context.db, context.guardian, username, locale);
  if (!page) throw new Response("Not Found", { status: 404 });
  return { locale, origin: context.origin, ...page };
}

export { formRouteHeaders as headers } from "../lib/route-headers";

/** Site admins suspend or reinstate an account from its profile. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const profile = await findPublicProfile(context.db, params.username ?? "");
  if (!profile) throw new Response("Not Found", { status: 404 });
  const values = await readForm(request);
  if (values.intent === "lift") {
    const result = await liftSuspension(context.db, context.guardian, profile.id);
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(`/u/${profile.username}?notice=lifted`);
  }
  const { data, failure } = parseForm(suspensionSchema, { ...values, memberId: profile.id });
  if (failure) return failure;
  const result = await suspendMember(context.db, context.guardian, data);
  if (!result.ok) return respondToFailure(request, values, result);
  throw redirect(`/u/${profile.username}?notice=suspended`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return pageMeta({
    title: `${data.profile.displayName} (@${data.profile.username}) · ${t("site.name")}`,
    description: data.profile.bioHtml ? excerpt(data.profile.bioHtml) : t("profile.description", { name: data.profile.displayName }),
    url: `${data.origin}/u/${data.profile.username}`,
    type: "profile",
    siteName: t("site.name"),
  });
};

export default function Profile() {
  const { profile, posts, can, myEvents, suspension } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  const t = useTranslate();
  const locale = useLocale();
  return (
    <article className="profile">
      <header className="profile__header">
        <Avatar name={profile.displayName} username={profile.username} avatarVersion={profile.avatarVersion} size="large" />
        <div>
          <h1>{profile.displayName}</h1>
          <p className="muted">
            @{profile.username}
            {profile.isAdmin ? <span className="badge"> {t("profile.admin")}</span> : null}
          </p>
          <p className="muted">
            {t("profile.memberSince", { date: formatDateTime(new Date(profile.memberSince), locale, undefined, { dateStyle: "long" }) })}
          </p>
        </div>
      </header>
      {profile.bioHtml ? <UserHtml html={profile.bioHtml} /> : <p className="muted">{t("profile.noBio")}</p>}
      {myEvents.length > 0 ? (
        <section aria-labelledby="my-events-title">
          <h2 id="my-events-title">{t("profile.myEvents")}</h2>
          <EventList events={myEvents} />
        </section>
      ) : null}
      <section aria-labelledby="posts-title">
        <h2 id="posts-title">{t("profile.posts")}</h2>
        {posts.length === 0 ? <p className="muted">{t("profile.noPosts")}</p> : null}
        <ul className="profile-posts">
          {posts.map((post) => (
            <li key={post.id}>
              <Link to={post.href}>{post.title}</Link>{" "}
              <span className="muted">
                · {post.group} · {formatDateTime(new Date(post.createdAt), locale, undefined, { dateStyle: "medium" })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {can.edit ? (
        <p>
          <Link to="/settings">{t("profile.edit")}</Link>
        </p>
      ) : null}
      {can.suspend ? (
        <section aria-labelledby="suspend-title" className="host-tools">
          <h2 id="suspend-title">{t("suspension.title")}</h2>
          {notice === "suspended" ? <FormMessage kind="success">{t("suspension.done")}</FormMessage> : null}
          {notice === "lifted" ? <FormMessage kind="success">{t("suspension.lifted")}</FormMessage> : null}
          <FailureMessage failure={failure} />
          {suspension ? (
            <Form method="post">
              <p>
                {t("suspension.active", {
                  until: suspension.forGood ? t("suspension.days.forever") : formatDateTime(new Date(suspension.until), locale),
                  reason: suspension.reason,
                })}
              </p>
              <button type="submit" name="intent" value="lift" className="button button--secondary">
                {t("suspension.lift")}
              </button>
            </Form>
          ) : (
            <Form method="post" noValidate>
              <div className="field">
                <label htmlFor="field-days">{t("suspension.days")}</label>
                <select id="field-days" name="days" defaultValue={failure?.values.days ?? "7"}>
                  {(["1", "7", "30", "365", "forever"] as const).map((d) => (
                    <option key={d} value={d}>
                      {t(`suspension.days.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className={failure?.fieldErrors.reason ? "field field--invalid" : "field"}>
                <label htmlFor="field-suspend-reason">{t("suspension.reason")}</label>
                <input
                  id="field-suspend-reason"
                  name="reason"
                  maxLength={500}
                  defaultValue={failure?.values.reason}
                  aria-invalid={failure?.fieldErrors.reason ? true : undefined}
                  aria-describedby={failure?.fieldErrors.reason ? "field-suspend-reason-error" : undefined}
                />
                {failure?.fieldErrors.reason ? (
                  <p className="field__error" id="field-suspend-reason-error">
                    {t(failure.fieldErrors.reason)}
                  </p>
                ) : null}
              </div>
              <button type="submit" name="intent" value="suspend" className="button button--danger">
                {t("suspension.submit")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
