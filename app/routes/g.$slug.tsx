import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { GroupBadges, ROLE_KEYS } from "../components/group-badge";
import { UserHtml } from "../components/user-html";
import { requireVisibleGroup } from "../auth/guards.server";
import { joinGroup, leaveGroup, requestToJoin, withdrawJoinRequest } from "../domain/groups/commands.server";
import { loadGroupPage } from "../domain/groups/page.server";
import { notFound } from "../auth/guards.server";
import { ThreadList } from "../components/thread-list";
import { EventList } from "../components/events";
import { WatchForm } from "../components/watch-form";
import { watchGroup, watchSchema } from "../domain/notifications/commands.server";
import { joinRequestSchema } from "../domain/groups/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";
import { pageMeta } from "../lib/page-meta";
import { Pagination } from "../components/pagination";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const found = await requireVisibleGroup(context.db, context.guardian, params.slug);
  const locale = requestLocale(request, context.actor);
  const url = new URL(request.url);
  const pageParam = url.searchParams.get("page");
  const page = pageParam === null ? 1 : /^[1-9][0-9]{0,5}$/.test(pageParam) ? Number(pageParam) : 0;
  if (page < 1) notFound();
  const data = await loadGroupPage(context.db, context.guardian, found, { page, tag: url.searchParams.get("tag") || null, locale });
  if (!data) notFound();
  return { locale, origin: context.origin, ...data };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  const isPublic = data.group.visibility === "public";
  return pageMeta({
    title: `${data.group.name} · ${t("site.name")}`,
    description: data.group.description || undefined,
    url: `${data.origin}/g/${data.group.slug}${data.page > 1 ? `?page=${data.page}` : ""}`,
    siteName: t("site.name"),
    feeds: isPublic
      ? [
          { title: data.group.name, href: `/g/${data.group.slug}/feed.xml`, format: "rss" },
          { title: data.group.name, href: `/g/${data.group.slug}/feed.atom`, format: "atom" },
        ]
      : [],
    noindex: !isPublic || data.tag !== null,
  });
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  const values = await readForm(request);
  let result;
  switch (values.intent) {
    case "join":
      result = await joinGroup(context.db, context.guardian, group.id);
      break;
    case "leave":
      result = await leaveGroup(context.db, context.guardian, group.id);
      break;
    case "withdraw":
      result = await withdrawJoinRequest(context.db, context.guardian, group.id);
      break;
    case "watch": {
      const parsed = watchSchema.safeParse(values);
      if (!parsed.success) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
      result = await watchGroup(context.db, context.guardian, group.id, parsed.data.level);
      break;
    }
    case "request": {
      const { data, failure } = parseForm(joinRequestSchema, values);
      if (failure) return failure;
      result = await requestToJoin(context.db, context.guardian, group.id, data.message);
      break;
    }
    default:
      return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  }
  if (!result.ok) return respondToFailure(request, values, result);
  // Leaving a private circle makes its page invisible: go to the directory.
  if (values.intent === "leave") throw redirect(group.visibility === "private" ? "/g" : `/g/${group.slug}?notice=left`);
  const notice = { join: "joined", request: "requested", withdraw: "withdrawn", watch: "watch" }[values.intent as "join"] ?? "withdrawn";
  throw redirect(`/g/${group.slug}?notice=${notice}`);
}

const NOTICES = {
  joined: "groups.joined",
  left: "groups.left",
  requested: "groups.requestSent",
  withdrawn: "groups.requestWithdrawnByYou",
  watch: "watch.saved",
} as const;

export default function GroupPage() {
  const { group, hosts, preview, standing, signedIn, can, threads, page, hasMore, tag, tagOptions, events, canPlanEvent, watch, canStartThread: mayStart } =
    useLoaderData<typeof loader>();
  const listLink = (n: number) => {
    const query = new URLSearchParams();
    if (tag) query.set("tag", tag);
    if (n > 1) query.set("page", String(n));
    const text = query.toString();
    return `/g/${group.slug}${text ? `?${text}` : ""}#threads-title`;
  };
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice") as keyof typeof NOTICES | null;
  const t = useTranslate();
  return (
    <article className={`group group--${group.colour}`}>
      <header className="group__header">
        <p className="breadcrumb">
          <Link to="/g">{t("groups.title")}</Link>
        </p>
        <h1>{group.name}</h1>
        <p className="lead">{group.description}</p>
        <p>
          <GroupBadges visibility={group.visibility} joinPolicy={group.joinPolicy} /> · {t("groups.memberCount", { count: group.memberCount })}
          {standing.role ? <> · <strong>{t(ROLE_KEYS[standing.role])}</strong></> : null}
        </p>
      </header>
      {notice && NOTICES[notice] ? <FormMessage kind="success">{t(NOTICES[notice])}</FormMessage> : null}
      <FailureMessage failure={failure} />

      <section aria-labelledby="membership-title" className="join-control">
        <h2 id="membership-title" className="visually-hidden">
          {t("groups.membership")}
        </h2>
        {!signedIn ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(`/g/${group.slug}`)}`}>{t("groups.signInToJoin")}</Link>
          </p>
        ) : standing.banned ? (
          <p>{t("groups.banned")}</p>
        ) : can.join ? (
          <Form method="post">
            <button type="submit" name="intent" value="join" className="button">
              {t("groups.join")}
            </button>
          </Form>
        ) : can.requestToJoin ? (
          <Form method="post">
            <label htmlFor="field-message">{t("groups.requestMessage")}</label>
            <textarea id="field-message" name="message" rows={3} maxLength={500} defaultValue={failure?.values.message} />
            <button type="submit" name="intent" value="request" className="button">
              {t("groups.requestSubmit")}
            </button>
          </Form>
        ) : can.withdrawRequest ? (
          <Form method="post">
            <p>{t("groups.requestPending")}</p>
            <button type="submit" name="intent" value="withdraw" className="button button--secondary">
              {t("groups.withdraw")}
            </button>
          </Form>
        ) : standing.role ? (
          can.leave ? (
            <Form method="post">
              <button type="submit" name="intent" value="leave" className="button button--secondary">
                {t("groups.leave")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("groups.lastOwner")}</p>
          )
        ) : group.joinPolicy === "invite" ? (
          <p className="muted">{t("groups.inviteOnly")}</p>
        ) : null}
      </section>

      {watch && standing.role ? <WatchForm level={watch} scope="group" /> : null}

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t("events.title")}</h2>
        {canPlanEvent ? (
          <p>
            <Link to={`/e/new?group=${group.slug}`} className="button button--secondary">
              {t("events.planForGroup")}
            </Link>
          </p>
        ) : null}
        {events.length === 0 ? <p className="muted">{t("events.noneUpcoming")}</p> : <EventList events={events} showGroup={false} />}
        <p>
          <Link to={`/e?group=${group.slug}`}>{t("events.allOfGroup")}</Link>
          {group.visibility === "public" ? (
            <>
              {" · "}
              <a href={`/g/${group.slug}/calendar.ics`}>{t("events.groupFeed")}</a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="threads-title">
        <h2 id="threads-title">{t("threads.title")}</h2>
        {mayStart ? (
          <p>
            <Link to={`/g/${group.slug}/new`} className="button">
              {t("threads.new")}
            </Link>
          </p>
        ) : null}
        <Form method="get" className="inline-form tag-filter" preventScrollReset>
          <label htmlFor="tag-filter">{t("threads.filterByTag")}</label>{" "}
          <select id="tag-filter" name="tag" defaultValue={tag ?? ""}>
            <option value="">{t("threads.allTags")}</option>
            <optgroup label={t("threads.principleTags")}>
              {tagOptions
                .filter((o) => o.principle)
                .map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
            {tagOptions.some((o) => !o.principle) ? (
              <optgroup label={t("threads.themeTags")}>
                {tagOptions
                  .filter((o) => !o.principle)
                  .map((o) => (
                    <option key={o.slug} value={o.slug}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            ) : null}
          </select>{" "}
          <button type="submit" className="button button--secondary">
            {t("threads.filter")}
          </button>
        </Form>
        {threads.length === 0 ? <p className="muted">{t(tag ? "threads.noneWithTag" : "threads.none")}</p> : <ThreadList threads={threads} />}
        <Pagination label={t("threads.listPages")} page={page} href={listLink} hasNext={hasMore} previousText={t("threads.newer")} nextText={t("threads.older")} />
      </section>

      {group.aboutHtml ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t("groups.about")}</h2>
          <UserHtml html={group.aboutHtml} />
        </section>
      ) : null}

      {hosts.length > 0 ? (
        <section aria-labelledby="hosts-title">
          <h2 id="hosts-title">{t("groups.hosts")}</h2>
          <ul className="people">
            {hosts.map((host) => (
              <li key={host.username}>
                <Link to={`/u/${host.username}`} className="person">
                  <Avatar name={host.name} username={host.username} avatarVersion={host.avatarVersion} size="small" /> {host.name}
                </Link>{" "}
                <span className="muted">({t(ROLE_KEYS[host.role])})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {can.viewMembers ? (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t("groups.members")}</h2>
          <ul className="people people--inline">
            {preview.map((member) => (
              <li key={member.username}>
                <Link to={`/u/${member.username}`} className="person" title={member.name}>
                  <Avatar name={member.name} username={member.username} avatarVersion={member.avatarVersion} size="small" /> {member.name}
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/g/${group.slug}/members`}>{t("groups.allMembers", { count: group.memberCount })}</Link>
          </p>
        </section>
      ) : null}

      <p className="muted">
        <Link to={`/g/${group.slug}/moderation`}>{t("moderation.title")}</Link>
      </p>

      {can.moderate ? (
        <nav aria-label={t("groups.hostTools")} className="host-tools">
          <h2>{t("groups.hostTools")}</h2>
          <ul>
            <li>
              <Link to={`/g/${group.slug}/members`}>{t("groups.manageMembers")}</Link>
            </li>
            {can.manage ? (
              <li>
                <Link to={`/g/${group.slug}/settings`}>{t("groups.settings")}</Link>
              </li>
            ) : null}
            <li>
              <Link to={`/g/${group.slug}/review`}>{t("reports.queue")}</Link>
            </li>
            <li>
              <Link to={`/g/${group.slug}/tags`}>{t("groups.tags")}</Link>
            </li>
            <li>
              <Link to={`/g/${group.slug}/audit`}>{t("groups.audit")}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
