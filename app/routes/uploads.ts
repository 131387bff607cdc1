import { json, type ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { storeUpload, uploadLimitsFrom } from "../domain/uploads/store.server";
import { translator } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";

/**
 * With JavaScript, a pasted or dropped file is sent here on its own (field
 * `file`) and answers `{ id, markdown }` for the editor to insert, or
 * `{ error }` translated, with the refusal's status.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const file = form.get("file");
  const locale = requestLocale(request, context.actor);
  const t = translator(locale);
  if (!file || typeof file === "string") return json({ error: t("uploads.noFile") }, { status: 400 });
  const stored = await storeUpload(context.db, context.guardian, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, uploadLimitsFrom(context.config), locale);
  if (!stored.ok) {
    const message = stored.kind === "signedOut" ? "groups.signInFirst" : (stored.fieldErrors?.files ?? stored.formError ?? "error.badRequest.text");
    return json({ error: t(message) }, { status: stored.status, headers: stored.retryAfterSeconds ? { "Retry-After": String(stored.retryAfterSeconds) } : undefined });
  }
  return json({ id: stored.id, markdown: stored.markdown });
}

export function loader() {
  notFound();
}
