import { translator, type Locale } from "../../i18n/index";
import type { EmailMessage } from "../../lib/email.server";

/** Account emails, in the member's language. Plain text: nothing to render unsafely. */
export function verificationEmail(locale: Locale, to: string, displayName: string, link: string): EmailMessage {
  const t = translator(locale);
  return {
    to,
    subject: t("email.verify.subject"),
    text: t("email.verify.body", { name: displayName, link }),
  };
}

export function changeEmailEmail(locale: Locale, to: string, displayName: string, link: string): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.changeEmail.subject"), text: t("email.changeEmail.body", { name: displayName, link }) };
}

export function passwordResetEmail(locale: Locale, to: string, displayName: string, link: string): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.reset.subject"), text: t("email.reset.body", { name: displayName, link }) };
}

export function passwordChangedEmail(locale: Locale, to: string, displayName: string): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.passwordChanged.subject"), text: t("email.passwordChanged.body", { name: displayName }) };
}

/** To the owner of an address someone tried to sign up with: nothing changed, and the way back in. */
export function signUpAttemptEmail(locale: Locale, to: string, displayName: string, loginLink: string, resetLink: string): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.signUpAttempt.subject"), text: t("email.signUpAttempt.body", { name: displayName, login: loginLink, reset: resetLink }) };
}

/** A reset was asked for an address without an account (sent so that both cases do the same work). */
export function resetWithoutAccountEmail(locale: Locale, to: string, signUpLink: string): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.resetNoAccount.subject"), text: t("email.resetNoAccount.body", { email: to, link: signUpLink }) };
}

/** To the owner of an address another account tried to switch to: nothing changed. */
export function addressInUseEmail(locale: Locale, to: string, displayName: string, loginLink: string): EmailMessage {
  const t = translator(locale);
  return { to, subject: t("email.addressInUse.subject"), text: t("email.addressInUse.body", { name: displayName, login: loginLink }) };
}
