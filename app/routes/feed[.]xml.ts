import { feedLoader } from "../domain/feeds/feeds.server";

/** RSS 2.0 feed of the whole forum's new public conversations. */
export const loader = feedLoader("forum", "rss");
