import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "../i18n/index";
import { safeRedirectPath } from "../lib/safe-redirect";

const languageForm = z.object({
  locale: z.enum(LOCALES),
  redirectTo: z.string().optional(),
});

const ONE_YEAR = 60 * 60 * 24 * 365;

export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

/** The visible language switch: remembers the choice in a cookie and goes back. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = languageForm.safeParse(form);
  if (!parsed.success) {
    throw new Response("Bad Request", { status: 400 });
  }
  const secure = context.secure ? "; Secure" : "";
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: {
      "Set-Cookie": `${LOCALE_COOKIE}=${parsed.data.locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly${secure}`,
    },
  });
}

// A UI route (not a resource route), so its 400 and 404 render the translated error page.
export default function Language() {
  return null;
}
