import { Form } from "@remix-run/react";
import type { MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";

const LEVELS: Array<["watching" | "tracking" | "muted", MessageKey]> = [
  ["watching", "watch.watching"],
  ["tracking", "watch.tracking"],
  ["muted", "watch.muted"],
];

/** Notification level for a thread or a circle: a small real form. */
export function WatchForm({ level, scope }: { level: "watching" | "tracking" | "muted"; scope: "thread" | "group" }) {
  const t = useTranslate();
  const id = `watch-level-${scope}`;
  return (
    <Form method="post" className="inline-form watch-form" preventScrollReset>
      <label htmlFor={id}>{t(scope === "thread" ? "watch.threadLabel" : "watch.groupLabel")}</label>{" "}
      <select id={id} name="level" defaultValue={level}>
        {LEVELS.map(([value, key]) => (
          <option key={value} value={value}>
            {t(scope === "group" && value === "watching" ? "watch.watchingGroup" : key)}
          </option>
        ))}
      </select>{" "}
      <button type="submit" name="intent" value="watch" className="button button--secondary">
        {t("watch.save")}
      </button>
    </Form>
  );
}
