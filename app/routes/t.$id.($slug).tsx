import { randomUUID } from "node:crypto";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormMessage } from "../components/form-fields";
import { JsonLd } from "../components/json-ld";
import { excerpt, pageMeta } from "../lib/page-meta";
import { useEffect } from "react";
import { Avatar } from "../components/avatar";
import { FailureMessage } from "../components/failure-message";
import { PostEditor } from "../components/post-editor";
import { UserHtml } from "../components/user-html";
import { canContribute, canDeletePost, canEditPost, canModerateThread, canReact, canReply, groupPermissions } from "../auth/policy";
import { notFound } from "../auth/guards.server";
import { loadStanding } from "../auth/guardian.server";
import { newMemberLimitsFrom, previewPost, replyToThread } from "../domain/threads/posting.server";
import { deletePost, hidePost, listMoveTargets, moveThread, restorePost, setThreadFlag } from "../domain/threads/moderation.server";
import { toggleReaction } from "../domain/threads/reactions.server";
import {
  findReadableThread,
  findVisibleThread,
  lastReadNumber,
  listReactions,
  listThreadPosts,
  loadThreadTags,
  quoteForReply,
} from "../domain/threads/queries.server";
import { TagList } from "../components/thread-list";
import { ReportForm } from "../components/report-form";
import { reportPost, reportSchema } from "../domain/moderation/reports.server";
import { WatchForm } from "../components/watch-form";
import { watchLevels, watchSchema, watchThread } from "../domain/notifications/commands.server";
import { markThreadRead } from "../domain/threads/reading.server";
import { hideSchema, POSTS_PER_PAGE, postPath, reactionSchema, replySchema } from "../domain/threads/schema";
import { Reactions } from "../components/reactions";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";
import { requireMember } from "../auth/session.server";

function threadIdFrom(param: string | undefined): number {
  if (!param || !/^[1-9][0-9]{0,15}$/.test(param)) notFound();
  return Number(param);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const threadId = threadIdFrom(params.id);
  // A deleted thread is gone for all but its hosts; a hidden one stays with its author and hosts.
  const thread = await findReadableThread(context.db, context.actor, threadId);
  if (!thread) notFound();
  const url = new URL(request.url);
  const pageParam = url.searchParams.get("page");
  const pages = Math.max(1, Math.ceil(thread.post_count / POSTS_PER_PAGE));
  const page = pageParam === null ? 1 : /^[1-9][0-9]{0,6}$/.test(pageParam) ? Number(pageParam) : 0;
  if (page < 1 || page > pages) notFound();
  // One canonical address per page: /t/:id/:slug(?page=N).
  if (params.slug !== thread.slug) {
    throw redirect(`/t/${thread.id}/${thread.slug}${url.search}`, 301);
  }
  const locale = requestLocale(request, context.actor);
  const standing = await loadStanding(context.db, thread.group_id, context.actor);
  const can = groupPermissions(
    context.actor,
    { visibility: thread.group_visibility, listed: thread.group_listed, joinPolicy: thread.group_join_policy },
    standing,
  );
  const viewerId = context.actor.kind === "member" ? context.actor.id : null;
  const moderates = canModerateThread(context.actor, standing);
  const posts = await listThreadPosts(context.db, context.actor, thread.id, page);
  // Independent reads, side by side.
  const [reactions, lastRead, tags, watchLevel] = await Promise.all([
    listReactions(
      context.db,
      posts.map((p) => p.id),
      viewerId,
    ),
    viewerId ? lastReadNumber(context.db, viewerId, thread.id) : null,
    loadThreadTags(context.db, [thread.id], locale),
    viewerId ? watchLevels(context.db, viewerId, { threadId: thread.id }) : null,
  ]);
  let firstUnread: { number: number; href: string } | null = null;
  if (viewerId) {
    if (lastRead !== null && lastRead < thread.post_count) {
      const number = lastRead + 1;
      firstUnread = { number, href: postPath(thread.id, thread.slug, number) };
    }
    // Only a step forward is written: rereading costs no write.
    const lastShown = posts.at(-1)?.number;
    if (lastShown !== undefined && (lastRead === null || lastShown > lastRead)) await markThreadRead(context.db, viewerId, thread.id, lastShown);
  }
  // Text for search engines and link previews comes only from public content.
  const isPublic = thread.group_visibility === "public" && !thread.hidden_at && !thread.deleted_at;
  // (A public thread's opening post is neither hidden nor deleted; on page 1 it is already loaded.)
  const firstOnPage = posts[0]?.number === 1 ? posts[0] : undefined;
  const opening = !isPublic
    ? undefined
    : firstOnPage
      ? { body_html: firstOnPage.html, display_name: firstOnPage.author?.name ?? null }
      : await context.db
          .selectFrom("posts")
          .leftJoin("members", "members.id", "posts.author_id")
          .select(["posts.body_html", "members.display_name"])
          .where("posts.thread_id", "=", thread.id)
          .where("posts.number", "=", 1)
          .executeTakeFirst();
  const description = opening ? excerpt(opening.body_html) : "";
  const watch = watchLevel ? (watchLevel.thread ?? "tracking") : null;
  return {
    locale,
    thread: {
      id: thread.id,
      slug: thread.slug,
      title: thread.title,
      locked: thread.locked,
      pinned: thread.pinned,
      hidden: thread.hidden_at !== null,
      deleted: thread.deleted_at !== null,
      postCount: thread.post_count,
    },
    group: { slug: thread.group_slug, name: thread.group_name },
    tags: tags.get(thread.id) ?? [],
    posts: posts.map(({ authorId, ...post }) => ({
      ...post,
      reactions: reactions.get(post.id) ?? [],
      can: {
        report: canContribute(context.actor) && authorId !== viewerId && !post.deleted,
        edit: canEditPost(context.actor, { authorId, deleted: post.deleted }),
        delete: canDeletePost(context.actor, standing, { authorId, deleted: post.deleted }),
      },
    })),
    page,
    pages,
    firstUnread,
    watch,
    origin: context.origin,
    isPublic,
    description,
    openingAuthor: opening?.display_name ?? null,
    createdAt: thread.created_at.toISOString(),
    signedIn: context.actor.kind === "member",
    can: {
      reply: canReply(context.actor, standing, thread) && !thread.deleted_at && !thread.hidden_at,
      join: can.join || can.requestToJoin,
      moderate: moderates,
      react: canReact(context.actor, standing),
    },
    moveTargets: moderates ? await listMoveTargets(context.db, context.guardian, thread.group_id) : [],
    idempotencyKey: randomUUID(),
    quote: /^[1-9][0-9]{0,15}$/.test(url.searchParams.get("quote") ?? "")
      ? await quoteForReply(context.db, thread.id, thread.slug, Number(url.searchParams.get("quote")))
      : null,
  };
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

type Result = FormFailure | { ok: true; preview: string; values: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const threadId = threadIdFrom(params.id);
  const values = await readForm(request);
  const flagIntents = { pin: ["pinned", true], unpin: ["pinned", false], lock: ["locked", true], unlock: ["locked", false] } as const;
  if (values.intent && values.intent in flagIntents) {
    const [flag, value] = flagIntents[values.intent as keyof typeof flagIntents];
    const result = await setThreadFlag(context.db, context.guardian, threadId, flag, value);
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(new URL(request.url).pathname);
  }
  if (values.intent === "react") {
    const { data, failure } = parseForm(reactionSchema, values);
    if (failure) return failure;
    const result = await toggleReaction(context.db, context.guardian, data.postId, data.kind);
    if (!result.ok) return respondToFailure(request, values, result);
    const page = Math.ceil(result.number / POSTS_PER_PAGE);
    throw redirect(`${new URL(request.url).pathname}${page > 1 ? `?page=${page}` : ""}#post-${result.number}`);
  }
  if (values.intent === "report") {
    const { data, failure } = parseForm(reportSchema, values);
    if (failure) return failure;
    const result = await reportPost(context.db, context.guardian, data, context.config.REPORT_HIDE_THRESHOLD);
    if (!result.ok) return respondToFailure(request, values, result);
    const back = new URL(request.url);
    back.searchParams.delete("quote");
    back.searchParams.delete("report");
    back.searchParams.set("reported", "1");
    throw redirect(`${back.pathname}${back.search}`);
  }
  if (values.intent === "watch") {
    const parsed = watchSchema.safeParse(values);
    if (!parsed.success) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    const result = await watchThread(context.db, context.guardian, threadId, parsed.data.level);
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(`${new URL(request.url).pathname}?watch=saved`);
  }
  if (values.intent === "move") {
    const result = await moveThread(context.db, context.guardian, threadId, values.group ?? "");
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(new URL(request.url).pathname);
  }
  if (values.intent === "delete" || values.intent === "hide" || values.intent === "restore") {
    if (!/^[1-9][0-9]{0,15}$/.test(values.postId ?? "")) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    const postId = Number(values.postId);
    let result;
    if (values.intent === "hide") {
      const { data, failure } = parseForm(hideSchema, values);
      if (failure) return failure;
      result = await hidePost(context.db, context.guardian, data.postId, data.reason);
    } else {
      result = values.intent === "delete" ? await deletePost(context.db, context.guardian, postId) : await restorePost(context.db, context.guardian, postId);
    }
    if (!result.ok) return respondToFailure(request, values, result);
    const page = Math.ceil(result.number / POSTS_PER_PAGE);
    throw redirect(`${new URL(request.url).pathname}${page > 1 ? `?page=${page}` : ""}#post-${result.number}`);
  }
  if (values.intent === "preview") {
    // Missing before signed out: a private thread answers a visitor as a missing one does.
    if (!(await findVisibleThread(context.db, context.actor, threadId))) notFound();
    requireMember(context.actor, request);
    const preview = await previewPost(context.db, context.guardian, context.clientIp, values.body ?? "");
    if (!preview.ok) return formFailure(values, preview);
    return { ok: true as const, preview: preview.html, values };
  }
  const { data, failure } = parseForm(replySchema, values);
  if (failure) return failure;
  const result = await replyToThread(context.db, context.guardian, threadId, data, newMemberLimitsFrom(context.config));
  if (!result.ok) return respondToFailure(request, values, result);
  const thread = await findVisibleThread(context.db, context.actor, threadId);
  throw redirect(postPath(threadId, thread?.slug ?? "", result.number));
}

export default function ThreadPage() {
  const { thread, group, tags, posts, page, pages, firstUnread, watch, signedIn, can, moveTargets, idempotencyKey, quote, origin, isPublic, description, openingAuthor, createdAt } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const failure = result && !result.ok ? result : undefined;
  const values = result?.values ?? {};
  const t = useTranslate();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const pageLink = (n: number) => `/t/${thread.id}/${thread.slug}${n > 1 ? `?page=${n}` : ""}`;
  useQuoteSelection();
  const failedOn = (intent: string, postId: number) => failure && values.intent === intent && values.postId === String(postId);
  return (
    <article className="thread">
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{thread.title}</h1>
      {isPublic ? (
        <JsonLd
          data={{
            "@context": "https://schema.org",
            "@type": "DiscussionForumPosting",
            headline: thread.title,
            url: `${origin}/t/${thread.id}/${thread.slug}`,
            datePublished: createdAt,
            text: description,
            author: { "@type": "Person", name: openingAuthor ?? "" },
            isPartOf: { "@type": "WebPage", name: group.name, url: `${origin}/g/${group.slug}` },
            interactionStatistic: { "@type": "InteractionCounter", interactionType: "https://schema.org/CommentAction", userInteractionCount: Math.max(0, thread.postCount - 1) },
          }}
        />
      ) : null}
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
      {can.moderate ? (
        <section className="host-thread-tools" aria-label={t("groups.hostTools")}>
          <Form method="post" className="button-row">
            <button type="submit" name="intent" value={thread.pinned ? "unpin" : "pin"} className="button button--secondary">
              {t(thread.pinned ? "threads.unpin" : "threads.pin")}
            </button>
            <button type="submit" name="intent" value={thread.locked ? "unlock" : "lock"} className="button button--secondary">
              {t(thread.locked ? "threads.unlock" : "threads.lock")}
            </button>
          </Form>
          {moveTargets.length > 0 ? (
            <Form method="post" className="inline-form move-form">
              <label htmlFor="move-group">{t("threads.moveTo")}</label>{" "}
              <select id="move-group" name="group" defaultValue={values.group} aria-invalid={failure?.fieldErrors.group ? true : undefined}>
                {moveTargets.map((g) => (
                  <option key={g.slug} value={g.slug}>
                    {g.name}
                  </option>
                ))}
              </select>{" "}
              <button type="submit" name="intent" value="move" className="button button--secondary">
                {t("threads.move")}
              </button>
              {failure?.fieldErrors.group ? <p className="field__error">{t(failure.fieldErrors.group)}</p> : null}
            </Form>
          ) : null}
        </section>
      ) : null}
      <ol className="posts">
        {posts.map((post) => (
          <li key={post.id} id={`post-${post.number}`} className={post.hidden ? "post post--hidden" : "post"}>
            <header className="post__header">
              {post.author ? (
                <Link to={`/u/${post.author.username}`} className="person">
                  <Avatar name={post.author.name} username={post.author.username} size="small" /> {post.author.name}
                </Link>
              ) : (
                <span>{t("audit.formerMember")}</span>
              )}
              <a href={`#post-${post.number}`} className="muted post__time">
                <time dateTime={post.createdAt}>{formatDateTime(new Date(post.createdAt), locale, undefined, { dateStyle: "medium", timeStyle: "short" })}</time>
              </a>
            </header>
            {post.hidden && !post.deleted ? (
              <p className="form-message form-message--info">
                {t("threads.postHidden", { reason: post.hidden.reason === "reports.autoHiddenReason" ? t("reports.autoHiddenReason") : post.hidden.reason })}
              </p>
            ) : null}
            {post.deleted ? (
              <p className="muted">{t("threads.postDeleted")}</p>
            ) : !post.hidden || post.hidden.shown ? (
              <UserHtml html={post.html} />
            ) : null}
            {post.deleted || post.hidden ? null : <Reactions postId={post.id} summary={post.reactions} canReact={can.react} />}
            {!post.deleted && (post.editedAt || post.can.edit || post.can.delete || post.can.report || can.reply || can.moderate) ? (
              <footer className="post__tools">
                {post.editedAt && (!post.hidden || post.hidden.shown) ? (
                  <Link to={`/posts/${post.id}/history`} className="muted">
                    {t("threads.edited")}
                  </Link>
                ) : null}
                {can.reply && !post.hidden ? (
                  <Link
                    to={`${pageLink(page)}${page > 1 ? "&" : "?"}quote=${post.id}#reply`}
                    data-quote-author={post.author?.username ?? ""}
                    data-quote-href={`${pageLink(page)}#post-${post.number}`}
                  >
                    {t("threads.quote")}
                  </Link>
                ) : null}
                {post.can.edit ? <Link to={`/posts/${post.id}/edit`}>{t("threads.edit")}</Link> : null}
                {post.can.delete ? (
                  <details className="post__confirm" open={failedOn("delete", post.id) || undefined}>
                    <summary>{t("threads.delete")}</summary>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="postId" value={post.id} />
                      <button type="submit" name="intent" value="delete" className="button button--danger">
                        {t(post.number === 1 ? "threads.deleteThreadConfirm" : "threads.deleteConfirm")}
                      </button>
                    </Form>
                  </details>
                ) : null}
                {post.can.report && !post.hidden ? (
                  <ReportForm
                    postId={post.id}
                    href={`/t/${thread.id}/${thread.slug}?${page > 1 ? `page=${page}&` : ""}report=${post.id}#post-${post.number}`}
                    open={Boolean(failedOn("report", post.id)) || searchParams.get("report") === String(post.id)}
                    values={failedOn("report", post.id) ? values : {}}
                    errors={failedOn("report", post.id) ? (failure?.fieldErrors ?? {}) : {}}
                    message={failedOn("report", post.id) ? failure?.formError : undefined}
                  />
                ) : null}
                {can.moderate && post.hidden ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="postId" value={post.id} />
                    <button type="submit" name="intent" value="restore" className="link-button">
                      {t("threads.restore")}
                    </button>
                  </Form>
                ) : null}
                {can.moderate && !post.hidden ? (
                  <details className="post__confirm" open={failedOn("hide", post.id) || undefined}>
                    <summary>{t("threads.hide")}</summary>
                    <Form method="post" noValidate>
                      <input type="hidden" name="postId" value={post.id} />
                      <div className={failedOn("hide", post.id) ? "field field--invalid" : "field"}>
                        <label htmlFor={`hide-reason-${post.id}`}>{t("threads.hideReason")}</label>
                        <input
                          id={`hide-reason-${post.id}`}
                          name="reason"
                          required
                          maxLength={500}
                          defaultValue={failedOn("hide", post.id) ? values.reason : undefined}
                          aria-invalid={failedOn("hide", post.id) ? true : undefined}
                          aria-describedby={failedOn("hide", post.id) ? `hide-reason-${post.id}-error` : undefined}
                        />
                        {failedOn("hide", post.id) && failure?.fieldErrors.reason ? (
                          <p className="field__error" id={`hide-reason-${post.id}-error`}>
                            {t(failure.fieldErrors.reason)}
                          </p>
                        ) : null}
                      </div>
                      <button type="submit" name="intent" value="hide" className="button button--secondary">
                        {t("threads.hideSubmit")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </footer>
            ) : null}
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("threads.pages")} className="pagination">
          <ul>
            {pageNumbers(page, pages).map((n, i) =>
              n === null ? (
                <li key={`gap-${i}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === page ? <span aria-current="page">{n}</span> : <Link to={pageLink(n)}>{t("threads.page", { number: n })}</Link>}
                </li>
              ),
            )}
          </ul>
        </nav>
      ) : null}
      {watch ? <WatchForm level={watch} scope="thread" /> : null}
      <section aria-labelledby="reply-title" className="reply" id="reply">
        <h2 id="reply-title">{t("threads.reply")}</h2>
        {!signedIn ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(pageLink(page))}`}>{t("threads.signInToReply")}</Link>
          </p>
        ) : can.reply ? (
          <Form method="post" noValidate key={quote ?? "reply"}>
            {values.intent === "post" || values.intent === "preview" ? <FailureMessage failure={failure} /> : null}
            <PostEditor
              label={t("threads.yourReply")}
              defaultValue={values.body ?? quote ?? undefined}
              error={failure?.fieldErrors.body}
              previewHtml={result?.ok ? result.preview : null}
              idempotencyKey={values.idempotencyKey ?? idempotencyKey}
              submitLabel={t("threads.replySubmit")}
            />
          </Form>
        ) : (
          <p className="muted">
            {thread.deleted ? t("threads.deletedThread") : thread.hidden ? t("threads.hiddenThread") : thread.locked ? t("threads.locked") : t("threads.membersOnly")}{" "}
            {can.join ? <Link to={`/g/${group.slug}`}>{t("groups.join")}</Link> : null}
          </p>
        )}
      </section>
    </article>
  );
}

/**
 * With JavaScript: select words in a post, then its Quote link quotes just
 * those words into the reply box (linking back) instead of loading the page
 * with the whole post quoted.
 */
function useQuoteSelection() {
  useEffect(() => {
    // A mouse press on the link would collapse the selection before the click: read it first.
    let pressed: { link: HTMLAnchorElement; text: string } | null = null;
    const selectedIn = (link: HTMLAnchorElement): string => {
      const selection = window.getSelection();
      const body = link.closest(".post")?.querySelector(".user-content");
      if (!selection || selection.isCollapsed || !body || !selection.anchorNode || !body.contains(selection.anchorNode) || !body.contains(selection.focusNode)) return "";
      return selection.toString().trim();
    };
    const onMouseDown = (event: globalThis.MouseEvent) => {
      const link = (event.target as HTMLElement | null)?.closest<HTMLAnchorElement>("a[data-quote-href]");
      pressed = link ? { link, text: selectedIn(link) } : null;
    };
    const onClick = (event: globalThis.MouseEvent) => {
      const link = (event.target as HTMLElement | null)?.closest<HTMLAnchorElement>("a[data-quote-href]");
      const box = document.getElementById("field-body") as HTMLTextAreaElement | null;
      if (!link || !box) return;
      const text = pressed?.link === link && pressed.text ? pressed.text : selectedIn(link);
      pressed = null;
      if (!text) return;
      event.preventDefault();
      const quoted = text
        .split("\n")
        .map((line) => `> ${line}`.trimEnd())
        .join("\n");
      const quote = `[@${link.dataset.quoteAuthor || "…"}](${link.dataset.quoteHref}):\n${quoted}\n\n`;
      box.value = box.value.trim() ? `${box.value.trimEnd()}\n\n${quote}` : quote;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
      box.scrollIntoView({ block: "center" });
    };
    document.addEventListener("mousedown", onMouseDown, true);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("mousedown", onMouseDown, true);
      document.removeEventListener("click", onClick);
    };
  }, []);
}

/** Page links for a long thread: first, last, and a window around the current page, with gaps. */
function pageNumbers(current: number, total: number): Array<number | null> {
  const shown = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= total));
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) result.push(null);
    result.push(n);
  });
  return result;
}
