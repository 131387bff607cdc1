import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import { notFound } from "../auth/guards.server";
import type { Failure, FieldErrors } from "../domain/result";
import { fieldErrorsOf } from "../domain/accounts/schema";
import type { MessageKey } from "../i18n/index";

/** Form fields as strings (files and repeated names are not used by these forms). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

const SECRET_FIELDS = /password/i;

/** What the person typed, to put back in the form (never passwords). */
export function typedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}

export interface FormFailure {
  ok: false;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  formError?: MessageKey;
  retryAfterSeconds?: number;
}

/** A rejected form: 4xx with field errors and everything typed. */
export function formFailure(
  values: Record<string, string>,
  {
    status,
    fieldErrors = {},
    formError,
    retryAfterSeconds,
  }: { status: number; fieldErrors?: FieldErrors; formError?: MessageKey; retryAfterSeconds?: number },
) {
  return json<FormFailure>(
    { ok: false, values: typedValues(values), fieldErrors, formError, retryAfterSeconds },
    { status, headers: retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined },
  );
}

/**
 * The one way a command's refusal becomes a response, by its kind: missing
 * → the shared 404 (thrown), signed out → the sign-in page and back here
 * (thrown), anything else → the form again with its messages and what was
 * typed (`extra` adds what the page needs to place them, e.g. which item).
 */
export function respondToFailure(request: Request, values: Record<string, string>, failure: Failure, extra: Record<string, unknown> = {}) {
  if (failure.kind === "missing") notFound();
  if (failure.kind === "signedOut") {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const { status, fieldErrors = {}, formError, retryAfterSeconds } = failure;
  return json<FormFailure & Record<string, unknown>>(
    { ...extra, ok: false, values: typedValues(values), fieldErrors, formError, retryAfterSeconds },
    { status, headers: retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined },
  );
}

/**
 * Parses a form with its schema; on failure the 400/422 answer to return.
 * NUL bytes and lone surrogates get 422, other problems 400.
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  values: Record<string, string>,
  /** Parsed values that are not plain strings (e.g. a list from checkboxes). */
  derived: Record<string, unknown> = {},
): { data: z.infer<S>; failure?: undefined } | { data?: undefined; failure: ReturnType<typeof formFailure> } {
  const parsed = schema.safeParse({ ...values, ...derived });
  if (parsed.success) return { data: parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error);
  const unprocessable = Object.values(fieldErrors).includes("validation.invalidCharacters");
  return { failure: formFailure(values, { status: unprocessable ? 422 : 400, fieldErrors }) };
}
