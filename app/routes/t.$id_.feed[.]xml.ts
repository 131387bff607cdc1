import { feedLoader } from "../domain/feeds/feeds.server";

/** RSS 2.0 feed of a public conversation's latest posts. */
export const loader = feedLoader("thread", "rss");
