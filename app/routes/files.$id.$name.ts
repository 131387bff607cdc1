import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { fileResponse } from "../domain/uploads/responses.server";
import { findReadableFile } from "../domain/uploads/serve.server";

/**
 * A file attached to a post (`?size=thumb`: an image's thumbnail), only for
 * who may read the post; anyone else gets the same 404 as a missing id.
 * The name in the address is for people; the id decides.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!/^[1-9][0-9]{0,9}$/.test(params.id ?? "") || Number(params.id) > 2_147_483_647) notFound();
  const size = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "full";
  const file = await findReadableFile(context.db, context.guardian, Number(params.id), size);
  if (!file) notFound();
  return fileResponse(request, file);
}
