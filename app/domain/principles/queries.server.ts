import type { Database } from "../../../db/index";
import type { Locale } from "../../i18n/index";

export interface PrincipleView {
  slug: string;
  label: string;
  description: string;
}

function localise(
  row: { slug: string; label_nl: string; label_en: string; description_nl: string; description_en: string },
  locale: Locale,
): PrincipleView {
  return locale === "en"
    ? { slug: row.slug, label: row.label_en, description: row.description_en }
    : { slug: row.slug, label: row.label_nl, description: row.description_nl };
}

/** The five vision principles in their fixed order, in the reader's language. */
export async function listPrinciples(db: Database, locale: Locale): Promise<PrincipleView[]> {
  const rows = await db
    .selectFrom("principles")
    .select(["slug", "label_nl", "label_en", "description_nl", "description_en"])
    .orderBy("position")
    .execute();
  return rows.map((row) => localise(row, locale));
}

export async function findPrincipleBySlug(
  db: Database,
  slug: string,
  locale: Locale,
): Promise<PrincipleView | null> {
  const row = await db
    .selectFrom("principles")
    .select(["slug", "label_nl", "label_en", "description_nl", "description_en"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? localise(row, locale) : null;
}
