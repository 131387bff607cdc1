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

type PrincipleRow = { slug: string; label_nl: string; label_en: string; description_nl: string; description_en: string };

/**
 * The five principles change only with a migration (a deploy, so a restart):
 * each process reads them once per database instead of on every page.
 */
const loaded = new WeakMap<Database, Promise<PrincipleRow[]>>();

function principleRows(db: Database): Promise<PrincipleRow[]> {
  let rows = loaded.get(db);
  if (!rows) {
    rows = db
      .selectFrom("principles")
      .select(["slug", "label_nl", "label_en", "description_nl", "description_en"])
      .orderBy("position")
      .execute();
    // A failed read (database down) is tried again next time; an empty one too (not yet migrated).
    rows.then((found) => found.length === 0 && loaded.delete(db), () => loaded.delete(db));
    loaded.set(db, rows);
  }
  return rows;
}

/** The five vision principles in their fixed order, in the reader's language. */
export async function listPrinciples(db: Database, locale: Locale): Promise<PrincipleView[]> {
  return (await principleRows(db)).map((row) => localise(row, locale));
}

export async function findPrincipleBySlug(
  db: Database,
  slug: string,
  locale: Locale,
): Promise<PrincipleView | null> {
  const row = (await principleRows(db)).find((r) => r.slug === slug);
  return row ? localise(row, locale) : null;
}
