import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound } from "../auth/guards.server";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { Pagination } from "../components/pagination";
import { threadFormState, type ThreadActionResult } from "../components/thread/form-state";
import { ModerationBar } from "../components/thread/moderation-bar";
import { Post } from "../components/thread/post";
import { ReplyBox } from "../components/thread/reply-box";
import { ThreadJsonLd } from "../components/thread/thread-json-ld";
import { TagList } from "../components/thread-list";
import { WatchForm } from "../components/watch-form";
import { threadAction } from "../domain/threads/page-actions.server";
import { loadThreadPage } from "../domain/threads/page.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { readPostForm } from "../domain/uploads/post-form.server";
import { respondToFailure } from "../lib/http.server";
import { pageMeta } from "../lib/page-meta";

function threadIdFrom(param: string | undefined): number {
  if (!param || !/^[1-9][0-9]{0,15}$/.test(param)) notFound();
  return Number(param);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const threadId = threadIdFrom(params.id);
  const url = new URL(request.url);
  const pageParam = url.searchParams.get("page");
  const quoteParam = url.searchParams.get("quote") ?? "";
  const locale = requestLocale(request, context.actor);
  const result = await loadThreadPage(context.db, context.guardian, {
    threadId,
    slug: params.slug,
    page: pageParam === null ? 1 : /^[1-9][0-9]{0,6}$/.test(pageParam) ? Number(pageParam) : 0,
    quote: /^[1-9][0-9]{0,15}$/.test(quoteParam) ? Number(quoteParam) : null,
    search: url.search,
    locale,
  });
  if (result.kind === "missing") notFound();
  if (result.kind === "moved") throw redirect(result.location, 301);
  return { locale, origin: context.origin, ...result.page };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  const base = `${data.origin}/t/${data.thread.id}/${data.thread.slug}`;
  return pageMeta({
    title: `${data.thread.title} · ${data.group.name} · ${t("site.name")}`,
    description: data.description || undefined,
    url: data.page > 1 ? `${base}?page=${data.page}` : base,
    type: "article",
    siteName: t("site.name"),
    feeds: data.isPublic
      ? [
          { title: data.thread.title, href: `/t/${data.thread.id}/feed.xml`, format: "rss" },
          { title: data.thread.title, href: `/t/${data.thread.id}/feed.atom`, format: "atom" },
        ]
      : [],
    noindex: !data.isPublic,
  });
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const threadId = threadIdFrom(params.id);
  const { values, failure } = await readPostForm(request, context);
  if (failure) return respondToFailure(request, values, failure);
  return threadAction({ request, context, threadId, values });
}

export default function ThreadPage() {
  const { thread, group, tags, posts, page, pages, firstUnread, watch, signedIn, can, moveTargets, idempotencyKey, quote, origin, isPublic, description, openingAuthor, createdAt } =
    useLoaderData<typeof loader>();
  const form = threadFormState(useActionData<typeof action>() as ThreadActionResult | undefined);
  const { failure, values } = form;
  const t = useTranslate();
  const [searchParams] = useSearchParams();
  const base = `/t/${thread.id}/${thread.slug}`;
  const pageLink = (n: number) => `${base}${n > 1 ? `?page=${n}` : ""}`;
  return (
    <article className="thread">
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{thread.title}</h1>
      {isPublic ? <ThreadJsonLd origin={origin} thread={thread} group={group} createdAt={createdAt} description={description} openingAuthor={openingAuthor} /> : null}
      <TagList tags={tags} />
      {thread.deleted ? <p className="form-message form-message--info">{t("threads.deletedThread")}</p> : null}
      {thread.hidden ? <p className="form-message form-message--info">{t("threads.hiddenThread")}</p> : null}
      {thread.locked ? <p className="form-message form-message--info">{t("threads.locked")}</p> : null}
      {searchParams.get("watch") === "saved" ? <FormMessage kind="success">{t("watch.saved")}</FormMessage> : null}
      {searchParams.get("reported") ? <FormMessage kind="success">{t("reports.sent")}</FormMessage> : null}
      {firstUnread ? (
        <p>
          <a href={firstUnread.href} className="button button--secondary">
            {t("threads.jumpToUnread", { number: firstUnread.number })}
          </a>
        </p>
      ) : null}
      {failure && !values.postId && !["post", "preview", undefined].includes(values.intent) ? <FailureMessage failure={failure} /> : null}
      {can.moderate ? <ModerationBar thread={thread} moveTargets={moveTargets} form={form} /> : null}
      <ol className="posts">
        {posts.map((post) => (
          <Post
            key={post.id}
            post={post}
            canReact={can.react}
            canReply={can.reply}
            canModerate={can.moderate}
            pageHref={pageLink(page)}
            pageQuery={`${base}?${page > 1 ? `page=${page}&` : ""}`}
            reportOpen={searchParams.get("report")}
            form={form}
          />
        ))}
      </ol>
      <Pagination label={t("threads.pages")} page={page} pages={pages} href={pageLink} pageText={(n) => t("threads.page", { number: n })} />
      {watch ? <WatchForm level={watch} scope="thread" /> : null}
      <ReplyBox
        thread={thread}
        group={group}
        signedIn={signedIn}
        canReply={can.reply}
        canJoin={can.join}
        pageHref={pageLink(page)}
        quote={quote}
        idempotencyKey={idempotencyKey}
        form={form}
      />
    </article>
  );
}
