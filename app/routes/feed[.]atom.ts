import { feedLoader } from "../domain/feeds/feeds.server";

/** Atom feed of the whole forum's new public conversations. */
export const loader = feedLoader("forum", "atom");
