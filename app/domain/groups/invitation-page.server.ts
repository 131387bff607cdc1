import { json } from "@remix-run/node";
import type { Guardian } from "../../auth/guardian.server";
import type { Locale } from "../../i18n/index";

/**
 * The invitation page shared by an emailed invitation (`/invite/:token`) and
 * a circle's shareable link (`/join/:code`): what the page needs to offer
 * accepting, or signing in (and coming back to `here`) first.
 */
export function invitationPage(
  guardian: Guardian,
  {
    locale,
    here,
    group,
    otherAddress = false,
  }: {
    locale: Locale;
    here: string;
    group: { name: string; description: string } | null;
    /** Signed in with an account whose address is not the invited one: 403. */
    otherAddress?: boolean;
  },
) {
  return json(
    { locale, group, otherAddress, signedIn: guardian.member !== null, verified: guardian.canContribute, here },
    { status: otherAddress ? 403 : 200 },
  );
}
