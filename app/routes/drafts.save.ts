import { json, type ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { draftPlaceFrom, saveDraft } from "../domain/drafts/drafts.server";
import { chosenLabelFields } from "../domain/drafts/schema";
import { missing } from "../domain/result";
import { readForm } from "../lib/http.server";

/** Nothing to show here: the composers save their drafts by posting to this address. */
export function loader(): never {
  notFound();
}

/**
 * Saves the draft of one composer (JavaScript's autosave), answering JSON
 * only: `{ ok, saved, updatedAt }` or `{ ok: false, formError, fieldErrors }`
 * with the failure's status. No page data is reloaded for it.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const place = await draftPlaceFrom(context.db, context.guardian, values);
  const result = place
    ? await saveDraft(context.db, context.guardian, place, { body: values.body ?? "", title: values.title, labels: chosenLabelFields(values) })
    : missing;
  if (!result.ok) {
    const { status, formError, fieldErrors = {} } = result;
    return json({ ok: false as const, formError: result.kind === "missing" ? "drafts.notSaved" : formError, fieldErrors }, { status, headers: { "Cache-Control": "no-store" } });
  }
  return json({ ok: true as const, saved: result.saved, updatedAt: result.updatedAt }, { headers: { "Cache-Control": "no-store" } });
}
