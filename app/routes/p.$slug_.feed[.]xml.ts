import { feedLoader } from "../domain/feeds/feeds.server";

/** RSS 2.0 feed of new public conversations with a principle. */
export const loader = feedLoader("principle", "rss");
