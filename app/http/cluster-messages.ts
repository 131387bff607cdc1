import cluster from "node:cluster";

/** The message a web process sends (and receives) when a write must empty the visitors' page cache. */
export const INVALIDATE_PAGE_CACHE = "gwn:invalidate-page-cache";

/** In the cluster primary: pass each worker's invalidation on to the others. */
export function relayPageCacheInvalidations(): void {
  cluster.on("message", (sender, message) => {
    if (message !== INVALIDATE_PAGE_CACHE) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== sender) worker.send(INVALIDATE_PAGE_CACHE);
    }
  });
}
