import { createHash } from "node:crypto";
import sharp from "sharp";
import { sql } from "kysely";
import type { Database } from "../../../db/index";
import { inTransaction } from "../transaction.server";
import type { Guardian } from "../../auth/guardian.server";
import type { Config } from "../../lib/env.server";
import { invalid, rateLimited, type CommandResult, type Failure } from "../result";
import { cleanFileName, formatBytes, looksLikeMarkup, sniffType, urlFileName, type SniffedType } from "./sniff";

/** Uploads (README, "Uploads"): the limits one member works under. */
export interface UploadLimits {
  maxFileBytes: number;
  filesPerPost: number;
  bytesPerDay: number;
  /** For the member's first days (NEW_MEMBER_DAYS) the lower new-member limits apply. */
  newMemberDays: number;
  newMemberFilesPerPost: number;
  newMemberBytesPerDay: number;
}

export function uploadLimitsFrom(config: Config): UploadLimits {
  return {
    maxFileBytes: config.UPLOAD_MAX_FILE_BYTES,
    filesPerPost: config.UPLOAD_FILES_PER_POST,
    bytesPerDay: config.UPLOAD_BYTES_PER_DAY,
    newMemberDays: config.NEW_MEMBER_DAYS,
    newMemberFilesPerPost: config.NEW_MEMBER_FILES_PER_POST,
    newMemberBytesPerDay: config.NEW_MEMBER_UPLOAD_BYTES_PER_DAY,
  };
}

/** The limits that apply to this member now (lower in their first days). */
export async function limitsFor(handle: Database, memberId: string, limits: UploadLimits): Promise<{ filesPerPost: number; bytesPerDay: number }> {
  if (limits.newMemberDays > 0) {
    const member = await handle.selectFrom("members").select("created_at").where("id", "=", memberId).executeTakeFirstOrThrow();
    if (member.created_at.getTime() > Date.now() - limits.newMemberDays * 86_400_000) {
      return { filesPerPost: Math.min(limits.filesPerPost, limits.newMemberFilesPerPost), bytesPerDay: Math.min(limits.bytesPerDay, limits.newMemberBytesPerDay) };
    }
  }
  return { filesPerPost: limits.filesPerPost, bytesPerDay: limits.bytesPerDay };
}

// Larger images are scaled down; this many pixels or more in the declared size is a decompression bomb.
const MAX_EDGE = 2000;
const THUMBNAIL_EDGE = 400;
export const MAX_INPUT_PIXELS = 40_000_000;

const EXTENSIONS: Record<SniffedType, string> = { jpeg: "jpg", png: "png", gif: "png", webp: "webp", pdf: "pdf" };

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface StoredUpload {
  id: number;
  markdown: string;
}

type FileRefusal = "uploads.tooLarge" | "uploads.refusedType" | "uploads.wrongName" | "uploads.corrupt" | "uploads.tooManyPixels" | "uploads.polyglot";

function refusal(message: FileRefusal, status: 413 | 422 = 422): Failure {
  return invalid({ fieldErrors: { files: message } }, status);
}

interface Encoded {
  kind: "image" | "pdf";
  contentType: string;
  bytes: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
  extension: string;
}

/**
 * Re-encodes an image (orientation applied, at most 2000 px, no metadata:
 * sharp drops EXIF, GPS included, unless asked to keep it) and makes a
 * thumbnail; a PDF is kept as it is. Answers a refusal for anything else.
 */
const NAMED: Record<string, SniffedType> = { jpg: "jpeg", jpeg: "jpeg", png: "png", gif: "gif", webp: "webp", pdf: "pdf" };

async function encode(bytes: Uint8Array, name: string): Promise<Encoded | Failure> {
  const type = sniffType(bytes);
  if (!type) return refusal("uploads.refusedType");
  // A name that promises another kind of file (a PNG called .pdf) is a disguise, or a mistake worth telling.
  const named = NAMED[/\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? ""];
  if (named && named !== type) return refusal("uploads.wrongName");
  if (type === "pdf") {
    if (looksLikeMarkup(bytes)) return refusal("uploads.polyglot");
    return { kind: "pdf", contentType: "application/pdf", bytes: Buffer.from(bytes), thumbnail: null, width: null, height: null, extension: "pdf" };
  }
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const, animated: false };
  let metadata;
  try {
    // Reads the header only: the declared size is checked before any pixel is decoded.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return refusal("uploads.corrupt");
  }
  const { width = 0, height = 0 } = metadata;
  if (width * height > MAX_INPUT_PIXELS) return refusal("uploads.tooManyPixels");
  try {
    const resized = sharp(bytes, options).rotate().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true });
    const output =
      type === "jpeg" ? resized.jpeg({ quality: 85, mozjpeg: true }) : type === "webp" ? resized.webp({ quality: 85 }) : resized.png({ compressionLevel: 9 });
    const { data, info } = await output.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    const contentType = type === "jpeg" ? "image/jpeg" : type === "webp" ? "image/webp" : "image/png";
    return { kind: "image", contentType, bytes: data, thumbnail, width: info.width, height: info.height, extension: EXTENSIONS[type] };
  } catch {
    return refusal("uploads.corrupt");
  }
}

/** The Markdown that shows a stored file in a post: an image, or a link with the PDF's name and size. */
export function attachmentMarkdown(
  file: { id: number; kind: "image" | "pdf"; fileName: string; byteSize: number; width: number | null; height: number | null },
  locale: "nl" | "en",
): string {
  const path = `/files/${file.id}/${urlFileName(file.fileName)}`;
  // The size rides along in the address, so the post reserves the image's space before it loads.
  const size = file.width && file.height ? `?w=${file.width}&h=${file.height}` : "";
  return file.kind === "image" ? `![${file.fileName}](${path}${size})` : `[${file.fileName} (${formatBytes(file.byteSize, locale)})](${path})`;
}

/**
 * Stores one file for the signed-in member, not yet on a post (only they see
 * it until a post that references it is saved). Refuses, with a translated
 * message, what is too large, of another type, corrupt, a decompression
 * bomb, a polyglot, or beyond the member's daily bytes.
 */
export async function storeUpload(
  handle: Database,
  guardian: Guardian,
  file: IncomingFile,
  limits: UploadLimits,
  locale: "nl" | "en",
): Promise<CommandResult<StoredUpload>> {
  const { member, failure } = guardian.contributorOrFailure();
  if (failure) return failure;
  if (file.bytes.length > limits.maxFileBytes) return refusal("uploads.tooLarge", 413);
  if (file.bytes.length === 0) return refusal("uploads.corrupt");
  const { bytesPerDay } = await limitsFor(handle, member.id, limits);
  const usedToday = (db: Database) =>
    db
      .selectFrom("attachments")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>("byte_size"), eb.lit(0)).as("bytes"))
      .where("uploader_id", "=", member.id)
      .where("created_at", ">", new Date(Date.now() - 86_400_000))
      .executeTakeFirstOrThrow();
  // A quick look first, so a member over the quota is not made to wait for the encoding.
  if (Number((await usedToday(handle)).bytes) + file.bytes.length > bytesPerDay) return rateLimited("uploads.dailyQuota", 3600);

  const encoded = await encode(file.bytes, file.name);
  if ("ok" in encoded) return encoded;
  const fileName = cleanFileName(file.name, encoded.extension);
  // Counted again under a lock on the member's row: uploads sent side by side cannot pass the quota together.
  const row = await inTransaction(handle, async (trx) => {
    await trx.selectFrom("members").select("id").where("id", "=", member.id).forUpdate().executeTakeFirst();
    if (Number((await usedToday(trx)).bytes) + encoded.bytes.length > bytesPerDay) return null;
    return trx
      .insertInto("attachments")
      .values({
        uploader_id: member.id,
        kind: encoded.kind,
        file_name: fileName,
        content_type: encoded.contentType,
        byte_size: encoded.bytes.length,
        width: encoded.width,
        height: encoded.height,
        bytes: encoded.bytes,
        thumbnail: encoded.thumbnail,
        sha256: createHash("sha256").update(encoded.bytes).digest("hex"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  });
  if (!row) return rateLimited("uploads.dailyQuota", 3600);
  return { ok: true, id: row.id, markdown: attachmentMarkdown({ id: row.id, kind: encoded.kind, fileName, byteSize: encoded.bytes.length, width: encoded.width, height: encoded.height }, locale) };
}

/** The ids of `/files/ID/…` references in a post's Markdown. */
export function referencedAttachmentIds(markdown: string): number[] {
  // Ids beyond the column's range name no stored file (and must not reach the query).
  return [...new Set([...markdown.matchAll(/\(\/files\/([1-9][0-9]{0,9})\//g)].map((m) => Number(m[1])).filter((id) => id <= 2_147_483_647))];
}

/**
 * In the post's transaction: the author's files that the post references and
 * that are on no post yet become the post's (readable from then on by whoever
 * may read the post).
 */
export async function linkAttachments(trx: Database, authorId: string, postId: number, markdown: string): Promise<void> {
  const ids = referencedAttachmentIds(markdown);
  if (ids.length === 0) return;
  await trx.updateTable("attachments").set({ post_id: postId }).where("uploader_id", "=", authorId).where("post_id", "is", null).where("id", "in", ids).execute();
}

/** How long a file that no post took up is kept (it may still be in a draft, then it stays). */
export const LOOSE_UPLOAD_DAYS = 7;

/**
 * Deletes uploads that never became part of a post (a preview, a refused or
 * abandoned reply, a reference deleted before posting) after
 * `LOOSE_UPLOAD_DAYS`, unless one of the uploader's drafts still refers to
 * them. Run by the sweep in `app/http/web.server.ts`; returns how many went.
 */
export async function removeLooseUploads(handle: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LOOSE_UPLOAD_DAYS * 86_400_000);
  const result = await handle
    .deleteFrom("attachments")
    .where("post_id", "is", null)
    .where("created_at", "<", cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("drafts")
            .select(sql.lit(1).as("one"))
            .whereRef("drafts.member_id", "=", "attachments.uploader_id")
            .where(sql<boolean>`position(('/files/' || attachments.id || '/') in drafts.body) > 0`),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
