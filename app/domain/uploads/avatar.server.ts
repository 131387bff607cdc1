import type { AppLoadContext } from "@remix-run/node";
import sharp from "sharp";
import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { invalid, type CommandResult, type Failure } from "../result";
import { inTransaction } from "../transaction.server";
import { sniffType } from "./sniff";
import { MAX_INPUT_PIXELS } from "./store.server";

const SIZES = { small: 48, medium: 96, large: 256 } as const;

const refused = (message: "uploads.tooLarge" | "uploads.refusedType" | "uploads.corrupt" | "uploads.tooManyPixels" | "uploads.noFile", status: 400 | 413 | 422 = 422): Failure =>
  invalid({ fieldErrors: { avatar: message } }, status);

/**
 * A member's own avatar: an image (sniffed, as for posts), cropped to a
 * centred square and stored at 48, 96 and 256 px as WebP without metadata.
 * The version in its address changes with every new photo.
 */
export async function setAvatar(handle: Database, guardian: Guardian, bytes: Uint8Array, maxBytes: number): Promise<CommandResult> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  if (bytes.length === 0) return refused("uploads.noFile", 400);
  if (bytes.length > maxBytes) return refused("uploads.tooLarge", 413);
  const type = sniffType(bytes);
  if (!type || type === "pdf") return refused("uploads.refusedType");
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const, animated: false };
  let images: Record<keyof typeof SIZES, Buffer>;
  try {
    const { width = 0, height = 0 } = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    if (width * height > MAX_INPUT_PIXELS) return refused("uploads.tooManyPixels");
    const square = await sharp(bytes, options).rotate().resize({ width: 256, height: 256, fit: "cover", position: "centre" }).png().toBuffer();
    const entries = await Promise.all(
      Object.entries(SIZES).map(async ([name, edge]) => [name, await sharp(square).resize(edge, edge).webp({ quality: 85 }).toBuffer()] as const),
    );
    images = Object.fromEntries(entries) as Record<keyof typeof SIZES, Buffer>;
  } catch {
    return refused("uploads.corrupt");
  }
  await inTransaction(handle, async (trx) => {
    await trx
      .insertInto("member_avatars")
      .values({ member_id: member.id, ...images, updated_at: new Date() })
      .onConflict((oc) => oc.column("member_id").doUpdateSet({ ...images, updated_at: new Date() }))
      .execute();
    await trx
      .updateTable("members")
      .set((eb) => ({ avatar_version: eb(eb.fn.coalesce("avatar_version", eb.lit(0)), "+", 1) }))
      .where("id", "=", member.id)
      .execute();
  });
  return { ok: true };
}

export async function removeAvatar(handle: Database, guardian: Guardian): Promise<CommandResult> {
  const { member, failure } = guardian.memberOrFailure();
  if (failure) return failure;
  await handle.deleteFrom("member_avatars").where("member_id", "=", member.id).execute();
  await handle.updateTable("members").set({ avatar_version: null }).where("id", "=", member.id).execute();
  return { ok: true };
}

/** The settings page's photo form (`intent` upload or remove, file field `avatar`). */
export async function avatarFormAction(request: Request, context: AppLoadContext): Promise<CommandResult<{ removed: boolean }>> {
  const form = await request.formData();
  if (form.get("intent") === "removeAvatar") {
    const result = await removeAvatar(context.db, context.guardian);
    return result.ok ? { ok: true, removed: true } : result;
  }
  const file = form.get("avatar");
  if (!file || typeof file === "string" || file.size === 0) return refused("uploads.noFile", 400);
  const result = await setAvatar(context.db, context.guardian, new Uint8Array(await file.arrayBuffer()), context.config.UPLOAD_MAX_FILE_BYTES);
  return result.ok ? { ok: true, removed: false } : result;
}
