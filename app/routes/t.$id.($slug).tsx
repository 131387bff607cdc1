import { randomUUID } from "node:crypto";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { FailureMessage } from "../components/failure-message";
import { PostEditor } from "../components/post-editor";
import { UserHtml } from "../components/user-html";
import { canDeletePost, canEditPost, canModerateThread, canReact, canReply, groupPermissions } from "../auth/policy";
import { notFound, throwForMissingOrSignedOut } from "../auth/guards.server";
import { loadStanding } from "../domain/groups/queries.server";
import { deletePost, replyToThread, setThreadFlag, toggleReaction } from "../domain/threads/commands.server";
import { findVisibleThread, listReactions, listThreadPosts, listThreadPrinciples, quoteForReply } from "../domain/threads/queries.server";
import { POSTS_PER_PAGE, reactionSchema, replySchema } from "../domain/threads/schema";
import { Reactions } from "../components/reactions";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, parseForm, readForm, type FormFailure } from "../lib/http.server";
import { renderMarkdown } from "../lib/markdown.server";

function threadIdFrom(param: string | undefined): number {
  if (!param || !/^[1-9][0-9]{0,15}$/.test(param)) notFound();
  return Number(param);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const threadId = threadIdFrom(params.id);
  const thread = await findVisibleThread(context.db, context.actor, threadId);
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
  const posts = await listThreadPosts(context.db, thread.id, page);
  const reactions = await listReactions(
    context.db,
    posts.map((p) => p.id),
    context.actor.kind === "member" ? context.actor.id : null,
  );
  return {
    locale,
    thread: { id: thread.id, slug: thread.slug, title: thread.title, locked: thread.locked, pinned: thread.pinned, postCount: thread.post_count },
    group: { slug: thread.group_slug, name: thread.group_name },
    principles: await listThreadPrinciples(context.db, thread.id, locale),
    posts: posts.map(({ authorId, ...post }) => ({
      ...post,
      reactions: reactions.get(post.id) ?? [],
      can: {
        edit: canEditPost(context.actor, { authorId, deleted: post.deleted }),
        delete: canDeletePost(context.actor, standing, { authorId, deleted: post.deleted }),
      },
    })),
    page,
    pages,
    signedIn: context.actor.kind === "member",
    can: {
      reply: canReply(context.actor, standing, thread),
      join: can.join || can.requestToJoin,
      moderate: canModerateThread(context.actor, standing),
      react: canReact(context.actor, standing),
    },
    idempotencyKey: randomUUID(),
    quote: /^[1-9][0-9]{0,15}$/.test(url.searchParams.get("quote") ?? "")
      ? await quoteForReply(context.db, thread.id, thread.slug, Number(url.searchParams.get("quote")))
      : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${data.thread.title} · ${data.group.name} · ${t("site.name")}` }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

type Result = FormFailure | { ok: true; preview: string; values: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const threadId = threadIdFrom(params.id);
  const values = await readForm(request);
  const flagIntents = { pin: ["pinned", true], unpin: ["pinned", false], lock: ["locked", true], unlock: ["locked", false] } as const;
  if (values.intent && values.intent in flagIntents) {
    const [flag, value] = flagIntents[values.intent as keyof typeof flagIntents];
    const result = await setThreadFlag(context.db, context.actor, threadId, flag, value);
    throwForMissingOrSignedOut(result, request);
    if (!result.ok) return formFailure(values, result);
    throw redirect(new URL(request.url).pathname);
  }
  if (values.intent === "react") {
    const { data, failure } = parseForm(reactionSchema, values);
    if (failure) return failure;
    const result = await toggleReaction(context.db, context.actor, data.postId, data.kind);
    throwForMissingOrSignedOut(result, request);
    if (!result.ok) return formFailure(values, result);
    const page = Math.ceil(result.number / POSTS_PER_PAGE);
    throw redirect(`${new URL(request.url).pathname}${page > 1 ? `?page=${page}` : ""}#post-${result.number}`);
  }
  if (values.intent === "delete") {
    if (!/^[1-9][0-9]{0,15}$/.test(values.postId ?? "")) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    const result = await deletePost(context.db, context.actor, Number(values.postId));
    throwForMissingOrSignedOut(result, request);
    if (!result.ok) return formFailure(values, result);
    const page = Math.ceil(result.number / POSTS_PER_PAGE);
    throw redirect(`${new URL(request.url).pathname}${page > 1 ? `?page=${page}` : ""}#post-${result.number}`);
  }
  if (values.intent === "preview") {
    if (!(await findVisibleThread(context.db, context.actor, threadId))) notFound();
    return { ok: true as const, preview: renderMarkdown((values.body ?? "").slice(0, 32000)), values };
  }
  const { data, failure } = parseForm(replySchema, values);
  if (failure) return failure;
  const result = await replyToThread(context.db, context.actor, threadId, data);
  throwForMissingOrSignedOut(result, request);
  if (!result.ok) return formFailure(values, result);
  const thread = await findVisibleThread(context.db, context.actor, threadId);
  const page = Math.ceil(result.number / POSTS_PER_PAGE);
  throw redirect(`/t/${threadId}/${thread?.slug ?? ""}${page > 1 ? `?page=${page}` : ""}#post-${result.number}`);
}

export default function ThreadPage() {
  const { thread, group, principles, posts, page, pages, signedIn, can, idempotencyKey, quote } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const failure = result && !result.ok ? result : undefined;
  const values = result?.values ?? {};
  const t = useTranslate();
  const locale = useLocale();
  const pageLink = (n: number) => `/t/${thread.id}/${thread.slug}${n > 1 ? `?page=${n}` : ""}`;
  return (
    <article className="thread">
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{thread.title}</h1>
      {principles.length > 0 ? (
        <ul className="tag-list" aria-label={t("threads.tags")}>
          {principles.map((p) => (
            <li key={p.slug}>
              <Link to={`/p/${p.slug}`} className="tag">
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {thread.locked ? <p className="form-message form-message--info">{t("threads.locked")}</p> : null}
      {can.moderate ? (
        <Form method="post" className="button-row host-thread-tools" aria-label={t("groups.hostTools")}>
          <button type="submit" name="intent" value={thread.pinned ? "unpin" : "pin"} className="button button--secondary">
            {t(thread.pinned ? "threads.unpin" : "threads.pin")}
          </button>
          <button type="submit" name="intent" value={thread.locked ? "unlock" : "lock"} className="button button--secondary">
            {t(thread.locked ? "threads.unlock" : "threads.lock")}
          </button>
        </Form>
      ) : null}
      <ol className="posts">
        {posts.map((post) => (
          <li key={post.id} id={`post-${post.number}`} className="post">
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
            {post.deleted ? <p className="muted">{t("threads.postDeleted")}</p> : <UserHtml html={post.html} />}
            {post.deleted ? null : <Reactions postId={post.id} summary={post.reactions} canReact={can.react} />}
            {!post.deleted && (post.editedAt || post.can.edit || post.can.delete || can.reply) ? (
              <footer className="post__tools">
                {post.editedAt ? (
                  <Link to={`/posts/${post.id}/history`} className="muted">
                    {t("threads.edited")}
                  </Link>
                ) : null}
                {can.reply ? (
                  <Link to={`${pageLink(page)}${page > 1 ? "&" : "?"}quote=${post.id}#reply`}>
                    {t("threads.quote")}
                  </Link>
                ) : null}
                {post.can.edit ? <Link to={`/posts/${post.id}/edit`}>{t("threads.edit")}</Link> : null}
                {post.can.delete ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="postId" value={post.id} />
                    <button type="submit" name="intent" value="delete" className="link-button">
                      {t("threads.delete")}
                    </button>
                  </Form>
                ) : null}
              </footer>
            ) : null}
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("threads.pages")} className="pagination">
          <ul>
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                {n === page ? (
                  <span aria-current="page">{n}</span>
                ) : (
                  <Link to={pageLink(n)}>{t("threads.page", { number: n })}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="reply-title" className="reply" id="reply">
        <h2 id="reply-title">{t("threads.reply")}</h2>
        {!signedIn ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(pageLink(page))}`}>{t("threads.signInToReply")}</Link>
          </p>
        ) : can.reply ? (
          <Form method="post" noValidate key={quote ?? "reply"}>
            <FailureMessage failure={failure} />
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
            {thread.locked ? t("threads.locked") : t("threads.membersOnly")}{" "}
            {can.join ? <Link to={`/g/${group.slug}`}>{t("groups.join")}</Link> : null}
          </p>
        )}
      </section>
    </article>
  );
}
