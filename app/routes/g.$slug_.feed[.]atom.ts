import { feedLoader } from "../domain/feeds/feeds.server";

/** Atom feed of a public circle's new conversations. */
export const loader = feedLoader("group", "atom");
