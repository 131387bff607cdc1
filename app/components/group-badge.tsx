import { useTranslate } from "../i18n/react";

/** Visibility and join policy in words (never colour alone). */
export function GroupBadges({ visibility, joinPolicy }: { visibility: "public" | "private"; joinPolicy: "open" | "request" | "invite" }) {
  const t = useTranslate();
  return (
    <span className="group-badges">
      <span className="badge">{t(visibility === "public" ? "groups.visibility.public" : "groups.visibility.private")}</span>{" "}
      <span className="badge">{t(POLICY_KEYS[joinPolicy])}</span>
    </span>
  );
}

export const POLICY_KEYS = { open: "groups.policy.open", request: "groups.policy.request", invite: "groups.policy.invite" } as const;
export const ROLE_KEYS = { owner: "groups.role.owner", moderator: "groups.role.moderator", member: "groups.role.member" } as const;
