import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "../auth/session.server";
import { readForm } from "../lib/http.server";
import { safeRedirectPath } from "../lib/safe-redirect";

export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Sign out: deletes the session row and clears the cookie, then goes home or back (a same-site path only). POST only. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { redirectTo } = await readForm(request);
  const cookie = await endSession(context.db, context.sessionToken, context.secure);
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Logout() {
  return null;
}
