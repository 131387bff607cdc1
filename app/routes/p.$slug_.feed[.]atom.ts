import { feedLoader } from "../domain/feeds/feeds.server";

/** Atom feed of new public conversations with a principle. */
export const loader = feedLoader("principle", "atom");
