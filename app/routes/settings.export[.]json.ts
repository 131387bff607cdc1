import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportMemberData } from "../domain/accounts/queries.server";
import { requireMember } from "../auth/session.server";

/** Your data as a JSON download (reads only). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  const data = await exportMemberData(context.db, member.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="goedwerknetwerk-${member.username}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
