import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { avatarResponse } from "../domain/uploads/responses.server";
import { findAvatar } from "../domain/uploads/serve.server";

const SIZES = { "48": "small", "96": "medium", "256": "large" } as const;

/** `/avatars/:username/:version-:size.webp`: the version in the address lets browsers keep it for good. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const match = /^([1-9][0-9]{0,9})-(48|96|256)\.webp$/.exec(params.file ?? "");
  if (!match || Number(match[1]) > 2_147_483_647 || !/^[a-z0-9_.-]{1,30}$/.test(params.username ?? "")) notFound();
  const bytes = await findAvatar(context.db, params.username!, Number(match[1]), SIZES[match[2] as keyof typeof SIZES]);
  if (!bytes) notFound();
  return avatarResponse(request, bytes);
}
