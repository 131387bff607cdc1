import type { MessageKey } from "../i18n/index";

/** Audit log actions in words. */
export const AUDIT_ACTION_KEYS: Record<string, MessageKey> = {
  "group.create": "audit.group.create",
  "group.settings": "audit.group.settings",
  "request.approve": "audit.request.approve",
  "request.decline": "audit.request.decline",
  "invite.send": "audit.invite.send",
  "invite.revoke": "audit.invite.revoke",
  "invite.accept": "audit.invite.accept",
  "invite-link.create": "audit.inviteLink.create",
  "invite-link.revoke": "audit.inviteLink.revoke",
  "invite-link.join": "audit.inviteLink.join",
  "member.remove": "audit.member.remove",
  "member.ban": "audit.member.ban",
  "member.unban": "audit.member.unban",
  "member.role": "audit.member.role",
  "post.delete": "audit.post.delete",
  "thread.pin": "audit.thread.pin",
  "thread.unpin": "audit.thread.unpin",
  "thread.lock": "audit.thread.lock",
  "thread.unlock": "audit.thread.unlock",
  "thread.move": "audit.thread.move",
  "post.hide": "audit.post.hide",
  "post.restore": "audit.post.restore",
  "tag.create": "audit.tag.create",
  "tag.delete": "audit.tag.delete",
};
