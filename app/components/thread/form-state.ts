import type { FormFailure } from "../../lib/http.server";

/** What the last submitted form of the thread page answered: its failure (if any), what was typed, a preview. */
export interface ThreadFormState {
  failure: FormFailure | undefined;
  values: Record<string, string>;
  preview: string | null;
}

export type ThreadActionResult = FormFailure | { ok: true; preview: string; values: Record<string, string> };

export function threadFormState(result: ThreadActionResult | undefined): ThreadFormState {
  return {
    failure: result && !result.ok ? result : undefined,
    values: result?.values ?? {},
    preview: result?.ok ? result.preview : null,
  };
}

/** Whether the failure belongs to this intent's form on this post. */
export function failedOn(form: ThreadFormState, intent: string, postId: number): boolean {
  return Boolean(form.failure && form.values.intent === intent && form.values.postId === String(postId));
}
