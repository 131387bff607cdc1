import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "../auth/session.server";

export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Sign out: deletes the session row and clears the cookie. POST only. */
export async function action({ context }: ActionFunctionArgs) {
  const cookie = await endSession(context.db, context.sessionToken, context.secure);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}

export default function Logout() {
  return null;
}
