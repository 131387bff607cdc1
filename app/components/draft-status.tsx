import { useBlocker, useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type MouseEvent } from "react";
import { AUTOSAVE_DELAY_MS } from "../domain/drafts/schema";
import { formatDateTime, type MessageKey } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";

/** Where the draft belongs, as `/drafts/save` takes it. */
export type DraftPlaceField = { threadId: number } | { group: string };

type Status = { kind: "idle" } | { kind: "unsaved" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "failed"; message: MessageKey };

/** What a save would store: the body, the title and the ticked labels of the form. */
function snapshot(form: HTMLFormElement): string {
  const data = new FormData(form);
  const labels = [...data.keys()].filter((key) => /^(principle|tag)-/.test(key)).sort();
  return JSON.stringify([data.get("body") ?? "", data.get("title") ?? "", labels]);
}

/**
 * The draft controls under a composer, rendered inside its form: a "Save
 * draft" button (a real submit, intent=draft, without JavaScript) and, with
 * JavaScript, saving by itself a moment after typing stops (any `input` or
 * `change` in the form, including text inserted by script that dispatches
 * `input`), a polite live status, and a question before leaving with text
 * that is not saved yet. Saving goes through `/drafts/save` with plain
 * `fetch`, so the page's data is not reloaded.
 */
export function DraftControls({
  place,
  savedAt,
  unsavedAtStart = false,
}: {
  place: DraftPlaceField;
  /** When the draft shown was saved (restored, or just saved by "Save draft" without JavaScript), or null. */
  savedAt: string | null;
  /** The form starts with text that is not saved yet (a quote from an old `?quote=` link). */
  unsavedAtStart?: boolean;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const anchor = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement | null>(null);
  const saved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef<Promise<void> | null>(null);
  const submitting = useRef(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const placeKey = JSON.stringify(place);

  const dirty = useCallback(() => form.current !== null && !submitting.current && snapshot(form.current) !== saved.current, []);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time; the next one then sends what is typed by then.
    while (inFlight.current) await inFlight.current;
    const box = form.current;
    if (!box || submitting.current) return;
    const state = snapshot(box);
    if (state === saved.current) {
      setStatus({ kind: "saved", at: new Date().toISOString() });
      return;
    }
    const data = new FormData(box);
    const body = new FormData();
    for (const [key, value] of Object.entries(JSON.parse(placeKey) as Record<string, string | number>)) body.set(key, String(value));
    for (const [key, value] of data.entries()) if (key === "body" || key === "title" || /^(principle|tag)-/.test(key)) body.set(key, value);
    setStatus({ kind: "saving" });
    const request = fetch("/drafts/save", { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(async (response) => {
        const answer = (await response.json().catch(() => null)) as { ok?: boolean; updatedAt?: string | null; formError?: MessageKey } | null;
        if (!response.ok || !answer?.ok) {
          setStatus({ kind: "failed", message: answer?.formError ?? "drafts.saveFailed" });
          return;
        }
        saved.current = state;
        const current = form.current ? snapshot(form.current) : state;
        setStatus(current === state ? { kind: "saved", at: answer.updatedAt ?? new Date().toISOString() } : { kind: "unsaved" });
      })
      .catch(() => setStatus({ kind: "failed", message: "drafts.saveFailed" }))
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = request;
    return request;
  }, [placeKey]);

  useEffect(() => {
    const box = anchor.current?.closest("form") ?? null;
    form.current = box;
    if (!box) return;
    // Text that is not saved yet compares unequal to anything saved.
    saved.current = unsavedAtStart ? null : snapshot(box);
    submitting.current = false;
    const changed = () => {
      if (submitting.current) return;
      clearTimeout(timer.current);
      setStatus({ kind: "unsaved" });
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    };
    const submitted = (event: SubmitEvent) => {
      const intent = event.submitter?.getAttribute("name") === "intent" ? event.submitter.getAttribute("value") : null;
      // Posting deletes the draft on the server: no save may come after it.
      if (intent === "post" || intent === null) {
        submitting.current = true;
        clearTimeout(timer.current);
      }
    };
    box.addEventListener("input", changed);
    box.addEventListener("change", changed);
    box.addEventListener("submit", submitted);
    if (unsavedAtStart) void save();
    return () => {
      clearTimeout(timer.current);
      box.removeEventListener("input", changed);
      box.removeEventListener("change", changed);
      box.removeEventListener("submit", submitted);
    };
  }, [save, unsavedAtStart]);

  // A refused post comes back to this page: saving by itself starts again.
  const location = useLocation();
  useEffect(() => {
    submitting.current = false;
  }, [location.key]);

  useEffect(() => {
    const leaving = (event: BeforeUnloadEvent) => {
      if (!dirty()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", leaving);
    return () => window.removeEventListener("beforeunload", leaving);
  }, [dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && dirty());
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("drafts.leaveConfirm"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  const onSave = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    void save();
  };

  const at = status.kind === "saved" ? status.at : status.kind === "idle" ? savedAt : null;
  const text =
    status.kind === "saving"
      ? t("drafts.saving")
      : status.kind === "unsaved"
        ? t("drafts.unsaved")
        : status.kind === "failed"
          ? t(status.message)
          : at
            ? t("drafts.savedAt", { time: formatDateTime(new Date(at), locale, undefined, { timeStyle: "short" }) })
            : "";
  return (
    <div className="draft-bar" ref={anchor}>
      <button type="submit" name="intent" value="draft" className="button button--secondary" formNoValidate onClick={onSave}>
        {t("drafts.save")}
      </button>
      <p className={status.kind === "failed" ? "draft-bar__status draft-bar__status--failed" : "draft-bar__status muted"} role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
