import type { MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { translator, type Locale, type MessageKey } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { FailureMessage } from "./failure-message";
import { FormMessage } from "./form-fields";

interface InvitationPageProps {
  /** The loader's answer (see `invitationPage` in `app/domain/groups/invitation-page.server.ts`). */
  data: {
    group: { name: string; description: string } | null;
    signedIn: boolean;
    verified: boolean;
    /** This page's path, to come back to after signing in. */
    here: string;
    /** Signed in with an account whose address is not the invited one. */
    otherAddress: boolean;
  };
  failure?: { formError?: MessageKey; retryAfterSeconds?: number };
  /** An emailed invitation, bound to the address it went to (shareable links are for anyone). */
  forInvitedAddress?: boolean;
}

/** The invitation pages' title; never indexed. */
export const invitationMeta: MetaFunction = ({ data }) => {
  const t = translator((data as { locale?: Locale } | undefined)?.locale ?? "nl");
  return [{ title: `${t("groups.invitation")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

/** An invitation to a circle (emailed or a shareable link): accept, or sign in / sign up first. */
export function InvitationPage({ data, failure, forInvitedAddress = false }: InvitationPageProps) {
  const { group, signedIn, verified, here } = data;
  const otherAddress = data.otherAddress || failure?.formError === "groups.invitation.otherAddress";
  const t = useTranslate();
  if (!group) {
    return (
      <div className="narrow">
        <h1>{t("groups.invitation")}</h1>
        <FormMessage kind="error">{t("groups.invite.invalid")}</FormMessage>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{otherAddress ? t("groups.invitation") : t("groups.invitation.title", { group: group.name })}</h1>
      <p className="lead">{group.description}</p>
      {otherAddress ? (
        <>
          <FormMessage kind="error">{t("groups.invitation.otherAddress")}</FormMessage>
          <p>{t("groups.invitation.otherAddressNext")}</p>
          <Form method="post" action="/logout">
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="button button--secondary">
              {t("groups.invitation.signOutAndBack")}
            </button>
          </Form>
        </>
      ) : (
        <FailureMessage failure={failure} />
      )}
      {otherAddress ? null : signedIn ? (
        verified ? (
          <Form method="post">
            <button type="submit" className="button">
              {t("groups.invitation.accept")}
            </button>
          </Form>
        ) : (
          <p>
            {t("groups.verifyFirst")} <Link to="/verify-email">{t("verify.bannerLink")}</Link>
          </p>
        )
      ) : (
        <>
          <p>{t(forInvitedAddress ? "groups.invitation.signInWithAddress" : "groups.invitation.signIn")}</p>
          <p className="button-row">
            <Link className="button" to={`/login?redirectTo=${encodeURIComponent(here)}`}>
              {t("login.title")}
            </Link>
            <Link className="button button--secondary" to="/signup">
              {t("signup.title")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
