import { feedLoader } from "../domain/feeds/feeds.server";

/** RSS 2.0 feed of a public circle's new conversations. */
export const loader = feedLoader("group", "rss");
