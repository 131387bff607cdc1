import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { openNotification } from "../domain/notifications/commands.server";

/** Opening a notification marks it read and goes to the exact post or page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  if (!params.id || !/^[1-9][0-9]{0,15}$/.test(params.id)) notFound();
  const opened = await openNotification(context.db, member.id, Number(params.id));
  if (!opened) notFound();
  throw redirect(opened.href ?? "/notifications");
}
