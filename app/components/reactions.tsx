import { useFetcher } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { FailureMessage } from "./failure-message";

type Kind = "agree" | "heart" | "insight" | "thanks";

const REACTIONS: Record<Kind, { symbol: string; key: "reaction.agree" | "reaction.heart" | "reaction.insight" | "reaction.thanks" }> = {
  agree: { symbol: "👍", key: "reaction.agree" },
  heart: { symbol: "❤️", key: "reaction.heart" },
  insight: { symbol: "💡", key: "reaction.insight" },
  thanks: { symbol: "🙏", key: "reaction.thanks" },
};
const ORDER: Kind[] = ["agree", "heart", "insight", "thanks"];
const noSubscription = () => () => {};

interface Summary {
  kind: Kind;
  count: number;
  names: string[];
  mine: boolean;
}

/**
 * Reactions on a post: buttons (a real form) for members who may react to it
 * (never on their own post), a read-only summary otherwise. Without
 * JavaScript the form posts and comes back to the post (`#post-N`); with it,
 * a fetcher posts with `stay`, the page stays where it was and its data reloads.
 */
export function Reactions({ postId, summary, canReact }: { postId: number; summary: Summary[]; canReact: boolean }) {
  const t = useTranslate();
  const fetcher = useFetcher<{ ok: boolean; formError?: MessageKey; retryAfterSeconds?: number }>();
  // True only in a browser that runs this script: the server's HTML (a plain form post) goes without `stay`.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const byKind = new Map(summary.map((s) => [s.kind, s]));
  const describe = (kind: Kind) => {
    const s = byKind.get(kind);
    const label = t(REACTIONS[kind].key);
    return s ? t("reaction.who", { reaction: label, count: s.count, names: s.names.join(", ") }) : label;
  };
  if (!canReact) {
    if (summary.length === 0) return null;
    return (
      <ul className="reactions" aria-label={t("reaction.label")}>
        {ORDER.filter((k) => byKind.has(k)).map((kind) => (
          <li key={kind} className="reaction" title={describe(kind)}>
            <span aria-hidden="true">{REACTIONS[kind].symbol}</span> {byKind.get(kind)!.count}
            <span className="visually-hidden">{describe(kind)}</span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <fetcher.Form method="post" className="reactions" aria-label={t("reaction.label")} preventScrollReset>
      <input type="hidden" name="intent" value="react" />
      {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
      <input type="hidden" name="postId" value={postId} />
      {ORDER.map((kind) => {
        const s = byKind.get(kind);
        return (
          <button
            key={kind}
            type="submit"
            name="kind"
            value={kind}
            className={s?.mine ? "reaction reaction--mine" : "reaction"}
            aria-pressed={s?.mine ? true : false}
            aria-label={describe(kind)}
            title={describe(kind)}
          >
            <span aria-hidden="true">{REACTIONS[kind].symbol}</span>
            {s ? <span aria-hidden="true"> {s.count}</span> : null}
          </button>
        );
      })}
      {fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? <FailureMessage failure={fetcher.data} /> : null}
    </fetcher.Form>
  );
}
