import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { UserHtml } from "../components/user-html";
import { canEditProfile } from "../auth/policy";
import { findPublicProfile } from "../domain/accounts/queries.server";
import { listPostsByMember } from "../domain/threads/queries.server";
import { EventList } from "../components/events";
import { listEvents } from "../domain/events/queries.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const username = params.username ?? "";
  if (username.length > 60) throw new Response("Not Found", { status: 404 });
  const profile = await findPublicProfile(context.db, username);
  if (!profile) throw new Response("Not Found", { status: 404 });
  const locale = requestLocale(request, context.actor);
  const own = context.actor.kind === "member" && context.actor.id === profile.id;
  return {
    locale,
    profile,
    // One's own upcoming meetups, on one's own page only.
    myEvents: own ? await listEvents(context.db, context.actor, locale, { memberGoing: profile.id, limit: 10 }) : [],
    posts: await listPostsByMember(context.db, context.actor, profile.id),
    can: { edit: canEditProfile(context.actor, profile) },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [
    { title: `${data.profile.displayName} (@${data.profile.username}) · ${t("site.name")}` },
    { name: "description", content: t("profile.description", { name: data.profile.displayName }) },
  ];
};

export default function Profile() {
  const { profile, posts, can, myEvents } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  return (
    <article className="profile">
      <header className="profile__header">
        <Avatar name={profile.displayName} username={profile.username} size="large" />
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
    </article>
  );
}
