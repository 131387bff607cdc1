import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkReadiness } from "../lib/health.server";

/** Ready to serve: the database answers within a second. */
export async function loader({ context }: LoaderFunctionArgs) {
  const ready = await checkReadiness(context.db);
  return new Response(ready ? "ready\n" : "database unavailable\n", {
    status: ready ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
