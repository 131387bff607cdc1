import { sql, type SqlBool } from "kysely";
import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { PUBLIC_READER, readablePosts } from "../../auth/readable.server";

export interface ServedFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  kind: "image" | "pdf";
  sha256: string;
  /** Readable by visitors (a post in a public circle): shared caches may keep it. */
  isPublic: boolean;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A stored file for this reader, or null, whether it is missing or not
 * theirs to see: a file on a post is readable exactly when the post is
 * (`readablePosts`), a file on no post yet only by its uploader.
 */
export async function findReadableFile(handle: Database, guardian: Guardian, id: number, size: "full" | "thumb"): Promise<ServedFile | null> {
  const me = guardian.member?.id ?? null;
  const row = await handle
    .selectFrom("attachments")
    .leftJoin("posts", "posts.id", "attachments.post_id")
    .leftJoin("threads", "threads.id", "posts.thread_id")
    .leftJoin("groups", "groups.id", "threads.group_id")
    .select([
      size === "thumb" ? sql<Uint8Array | null>`coalesce(attachments.thumbnail, attachments.bytes)`.as("bytes") : sql<Uint8Array>`attachments.bytes`.as("bytes"),
      "attachments.content_type",
      "attachments.file_name",
      "attachments.kind",
      "attachments.sha256",
      "attachments.post_id",
      // Whether a visitor could read the post: the same rule as every other surface.
      sql<boolean>`attachments.post_id is not null and ${readablePosts(PUBLIC_READER)}`.as("visitor_reads"),
    ])
    .where("attachments.id", "=", id)
    .where(
      me === null
        ? sql<SqlBool>`(attachments.post_id is not null and ${readablePosts(guardian.actor)})`
        : sql<SqlBool>`((attachments.post_id is null and attachments.uploader_id = ${me}) or (attachments.post_id is not null and ${readablePosts(guardian.actor)}))`,
    )
    .executeTakeFirst();
  if (!row || !row.bytes) return null;
  const thumbnail = size === "thumb" && row.kind === "image";
  return {
    bytes: asBuffer(row.bytes),
    contentType: thumbnail ? "image/webp" : row.content_type,
    fileName: row.file_name,
    kind: row.kind,
    sha256: thumbnail ? `${row.sha256}-thumb` : row.sha256,
    isPublic: row.visitor_reads === true,
  };
}

/** A member's avatar at one size, by username and version (anyone who may see their name may see it). */
export async function findAvatar(handle: Database, username: string, version: number, size: "small" | "medium" | "large"): Promise<Buffer | null> {
  const row = await handle
    .selectFrom("members")
    .innerJoin("member_avatars", "member_avatars.member_id", "members.id")
    .select(sql<Uint8Array>`member_avatars.${sql.ref(size)}`.as("bytes"))
    .where("members.username", "=", username)
    .where("members.avatar_version", "=", version)
    .executeTakeFirst();
  return row ? asBuffer(row.bytes) : null;
}
