import type { AppLoadContext } from "@remix-run/node";
import { requestLocale } from "../../i18n/request.server";
import { invalid, type Failure } from "../result";
import { limitsFor, referencedAttachmentIds, storeUpload, uploadLimitsFrom } from "./store.server";

/**
 * A post form with its file field (`files`): the text fields as strings, and
 * each chosen file stored and added to the body as Markdown, so a preview, a
 * refused post or a refused file keeps everything (without JavaScript the
 * files then live on as references in the text). The post command links
 * the files to the post when it is saved (`linkAttachments`).
 */
export async function readPostForm(request: Request, context: AppLoadContext): Promise<{ values: Record<string, string>; failure?: Failure }> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  const files: File[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      if (!(key in values)) values[key] = value;
    } else if (key === "files" && value.size > 0) {
      files.push(value);
    }
  }
  // Visitors' files are not read: the action answers them (sign in, or a missing page) as it would without files.
  const member = context.guardian.member;
  if (member === null) return { values };
  const referenced = referencedAttachmentIds(values.body ?? "").length;
  // Files uploaded with JavaScript arrive as references only: they count against the limit too.
  if (files.length === 0 && referenced === 0) return { values };

  const limits = uploadLimitsFrom(context.config);
  const { filesPerPost } = await limitsFor(context.db, member.id, limits);
  if (files.length + referenced > filesPerPost) {
    return { values, failure: invalid({ fieldErrors: { files: "uploads.tooManyFiles" } }, 422) };
  }
  if (files.length === 0) return { values };
  const locale = requestLocale(request, context.actor);
  const added: string[] = [];
  let failure: Failure | undefined;
  for (const file of files) {
    const stored = await storeUpload(context.db, context.guardian, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, limits, locale);
    if (!stored.ok) {
      failure = stored;
      break;
    }
    added.push(stored.markdown);
  }
  if (added.length > 0) {
    const body = (values.body ?? "").trimEnd();
    values.body = `${body}${body ? "\n\n" : ""}${added.join("\n\n")}`;
  }
  return { values, failure };
}
