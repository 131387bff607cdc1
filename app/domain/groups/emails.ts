import { translator, type Locale } from "../../i18n/index";
import type { EmailMessage } from "../../lib/email.server";

export function joinRequestDecidedEmail(
  locale: Locale,
  to: string,
  { name, groupName, approved, link }: { name: string; groupName: string; approved: boolean; link: string },
): EmailMessage {
  const t = translator(locale);
  return approved
    ? { to, subject: t("email.requestApproved.subject", { group: groupName }), text: t("email.requestApproved.body", { name, group: groupName, link }) }
    : { to, subject: t("email.requestDeclined.subject", { group: groupName }), text: t("email.requestDeclined.body", { name, group: groupName }) };
}

export function invitationEmail(
  locale: Locale,
  to: string,
  { inviter, groupName, link }: { inviter: string; groupName: string; link: string },
): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.invitation.subject", { group: groupName }), text: t("email.invitation.body", { inviter, group: groupName, link }) };
}
