import type { MessageKey } from "../i18n/index";

export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * Why a command refused. Routes turn a failure into a response with one
 * helper (`respondToFailure` in `app/lib/http.server.ts`) by its kind, never
 * by comparing message keys.
 */
export type FailureKind = "missing" | "signedOut" | "forbidden" | "conflict" | "invalid" | "rateLimited";

export interface Failure {
  ok: false;
  kind: FailureKind;
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429;
  fieldErrors?: FieldErrors;
  formError?: MessageKey;
  retryAfterSeconds?: number;
}

/** What every command answers: `{ ok: true, ...data }` or a typed failure. */
export type CommandResult<T = object> = ({ ok: true } & T) | Failure;

/** A failure on one field (`invalid`, or `conflict` for 409, `forbidden` for 403). */
export function fieldFailure(field: string, message: MessageKey, status: 400 | 403 | 409 | 422 = 400): Failure {
  const fieldErrors = { [field]: message };
  if (status === 403) return { ok: false, kind: "forbidden", status, fieldErrors };
  return status === 409 ? conflict({ fieldErrors }) : invalid({ fieldErrors }, status);
}

/** Missing and invisible are the same answer: the shared 404. */
export const missing: Failure = { ok: false, kind: "missing", status: 404, formError: "error.notFound.title" };

/** Not signed in: routes send the person to the sign-in page and back. */
export const signedOut: Failure = { ok: false, kind: "signedOut", status: 401, formError: "groups.signInFirst" };

/** Signed in, but the address is not confirmed yet. */
export const unverified: Failure = { ok: false, kind: "forbidden", status: 403, formError: "groups.verifyFirst" };

/** Visible, but not allowed. */
export function forbidden(formError: MessageKey = "error.forbidden.text"): Failure {
  return { ok: false, kind: "forbidden", status: 403, formError };
}

/** The input is wrong: field errors (400), characters the forum refuses (422), or credentials that do not match (401). */
export function invalid(errors: { fieldErrors?: FieldErrors; formError?: MessageKey }, status: 400 | 401 | 413 | 422 = 400): Failure {
  return { ok: false, kind: "invalid", status, ...errors };
}

/**
 * The input is fine but the state does not allow it (taken, already done,
 * gone: 409 or 410), or what the form names is not there (404, said on the
 * form, unlike `missing`).
 */
export function conflict(errors: { fieldErrors?: FieldErrors; formError?: MessageKey }, status: 404 | 409 | 410 = 409): Failure {
  return { ok: false, kind: "conflict", status, ...errors };
}

export function rateLimited(formError: MessageKey, retryAfterSeconds: number): Failure {
  return { ok: false, kind: "rateLimited", status: 429, formError, retryAfterSeconds };
}
