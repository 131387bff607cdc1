import { sql, type Kysely } from "kysely";

// Frozen in time: never import app code here. The five vision principles of
// the network are fixed tags; later migrations may edit their texts, the UI
// may edit descriptions but never rename or delete them.
const principles = [
  {
    slug: "leren-en-realiseren",
    label_nl: "Leren en realiseren",
    label_en: "Learning and realising, interlocked",
    description_nl:
      "We leren terwijl we dingen voor elkaar krijgen, en we krijgen dingen voor elkaar door te leren. Wie een verandering in de praktijk brengt, onderzoekt tegelijk wat werkt; wat je ontdekt, gaat direct mee in het volgende stuk werk.",
    description_en:
      "We learn while we get things done, and we get things done by learning. Whoever puts a change into practice also finds out what works; what is discovered goes straight into the next piece of work.",
  },
  {
    slug: "goed-werk",
    label_nl: "Goed werk in organisaties",
    label_en: "Good work in organisations",
    description_nl:
      "Werk dat goed is (vakkundig gedaan), goed doet (voor klanten, collega's en de samenleving) en goed voelt (voor wie het doet). Daar werken we aan, samen met de mensen binnen organisaties.",
    description_en:
      "Work that is good (done with skill), does good (for clients, colleagues and society) and feels good (for those who do it). That is what we work towards, together with the people inside organisations.",
  },
  {
    slug: "positief-mensbeeld",
    label_nl: "Positief mensbeeld",
    label_en: "A positive view of people",
    description_nl:
      "We gaan ervan uit dat mensen willen bijdragen, verantwoordelijkheid kunnen dragen en meer in hun mars hebben dan hun functie laat zien. Vertrouwen is ons vertrekpunt, niet controle.",
    description_en:
      "We assume that people want to contribute, can carry responsibility and have more in them than their job title shows. Trust is where we start, not control.",
  },
  {
    slug: "verbindingen",
    label_nl: "Verbindingen leggen en herstellen",
    label_en: "Making and mending connections",
    description_nl:
      "Tussen mensen, teams en organisaties ontstaan en verdwijnen verbindingen. We zoeken bewust nieuwe contacten en investeren in het herstellen van wat gebroken is, want samen kom je verder.",
    description_en:
      "Connections between people, teams and organisations come and go. We deliberately make new ones and invest in mending what has broken, because together you get further.",
  },
  {
    slug: "ecologisch-perspectief",
    label_nl: "Ecologisch perspectief",
    label_en: "An ecological perspective",
    description_nl:
      "Een organisatie is een levend systeem in een grotere omgeving. We kijken naar samenhang, naar de lange termijn en naar wat ons werk betekent voor mens en natuur om ons heen.",
    description_en:
      "An organisation is a living system within a larger environment. We look at how things hang together, at the long term, and at what our work means for the people and nature around us.",
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("principles")
    .addColumn("slug", "text", (c) => c.primaryKey().check(sql`slug ~ '^[a-z0-9-]{1,64}$'`))
    .addColumn("position", "integer", (c) => c.notNull().unique())
    .addColumn("label_nl", "text", (c) => c.notNull())
    .addColumn("label_en", "text", (c) => c.notNull())
    .addColumn("description_nl", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db
    .insertInto("principles")
    .values(principles.map((p, index) => ({ ...p, position: index + 1 })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("principles").execute();
}
