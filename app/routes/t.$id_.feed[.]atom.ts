import { feedLoader } from "../domain/feeds/feeds.server";

/** Atom feed of a public conversation's latest posts. */
export const loader = feedLoader("thread", "atom");
