import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import type { GroupPermissions, GroupRole, GroupStanding } from "../../auth/policy";
import type { Locale } from "../../i18n/index";
import { listEvents } from "../events/queries.server";
import { watchLevels } from "../notifications/commands.server";
import { listPrinciples } from "../principles/queries.server";
import { listGroupTags, listGroupThreads, THREADS_PER_PAGE } from "../threads/queries.server";
import { listBans, listGroupFaces, listGroupMembers, listOpenInvitations, listPendingJoinRequests } from "./queries.server";
import type { findVisibleGroup } from "./queries.server";

const PREVIEW = 12;

/** The roles the page lists under "hosts". */
const HOST_ROLES: ReadonlySet<GroupRole> = new Set(["owner", "moderator"]);

type VisibleGroup = NonNullable<Awaited<ReturnType<typeof findVisibleGroup>>>["group"];

/**
 * A circle's page for this reader (the circle already found readable, see
 * `requireVisibleGroup`): its hosts and faces, threads (one page, filtered by
 * a principle or theme tag), coming meetups and what the reader may do; null
 * for a page past the last.
 */
export async function loadGroupPage(
  db: Database,
  guardian: Guardian,
  { group, standing, can }: { group: VisibleGroup; standing: GroupStanding; can: GroupPermissions },
  { page, tag, locale }: { page: number; tag: string | null; locale: Locale },
) {
  const memberId = guardian.memberId;
  // Independent reads, side by side. A tag is one of the five principles or one of the circle's own theme tags.
  const [members, themeTags, principles, events, watchLevel] = await Promise.all([
    can.viewMembers ? listGroupFaces(db, group.id, PREVIEW) : [],
    listGroupTags(db, group.id),
    listPrinciples(db, locale),
    listEvents(db, guardian.actor, locale, { groupId: group.id, limit: 3 }),
    memberId ? watchLevels(db, memberId, { groupId: group.id }) : null,
  ]);
  const theme = tag ? themeTags.find((t) => t.slug === tag) : undefined;
  const principle = tag && !theme ? principles.find((p) => p.slug === tag) : undefined;
  const threads = await listGroupThreads(db, guardian.actor, locale, group.id, {
    page,
    includeHidden: await guardian.canModerate(group.id),
    themeTagId: theme?.id,
    principle: principle?.slug ?? (tag && !theme ? tag : undefined),
  });
  if (page > 1 && threads.length === 0) return null;
  return {
    events,
    watch: watchLevel ? (watchLevel.group ?? "tracking") : null,
    canPlanEvent: await guardian.canManageEvents(group.id),
    threads: threads.slice(0, THREADS_PER_PAGE),
    page,
    hasMore: threads.length > THREADS_PER_PAGE,
    tag,
    tagOptions: [
      ...principles.map((p) => ({ slug: p.slug, label: p.label, principle: true })),
      ...themeTags.map((t) => ({ slug: t.slug, label: t.label, principle: false })),
    ],
    canStartThread: await guardian.canStartThread(group.id),
    group: {
      id: group.id,
      slug: group.slug,
      name: group.name,
      description: group.description,
      aboutHtml: group.about_html,
      colour: group.colour,
      visibility: group.visibility,
      joinPolicy: group.join_policy,
      memberCount: Number(group.member_count ?? 0),
    },
    hosts: members.filter((m) => HOST_ROLES.has(m.role)).map((m) => ({ username: m.username, name: m.display_name, avatarVersion: m.avatar_version, role: m.role })),
    preview: members.slice(0, PREVIEW).map((m) => ({ username: m.username, name: m.display_name, avatarVersion: m.avatar_version })),
    standing: { role: standing.role, banned: standing.banned, pendingRequest: standing.pendingRequest },
    signedIn: memberId !== null,
    can,
  };
}

/**
 * A circle's members page (the circle already found readable, see
 * `requireVisibleGroup`): everyone in it, with what this reader may do to each,
 * and for hosts the pending join requests, open invitations and bans.
 */
export async function loadMembersPage(
  db: Database,
  guardian: Guardian,
  { group, can }: { group: VisibleGroup; can: GroupPermissions },
) {
  const members = await listGroupMembers(db, group.id);
  const hostData = can.moderate
    ? {
        requests: (await listPendingJoinRequests(db, group.id)).map((r) => ({
          id: r.id,
          message: r.message,
          createdAt: r.created_at.toISOString(),
          username: r.username,
          name: r.display_name,
        })),
        invitations: (await listOpenInvitations(db, group.id)).map((i) => ({
          id: i.id,
          email: i.email,
          expiresAt: i.expires_at.toISOString(),
        })),
        bans: (await listBans(db, group.id)).map((b) => ({ id: b.id, username: b.username, name: b.display_name, reason: b.reason })),
      }
    : null;
  return {
    group: { slug: group.slug, name: group.name },
    members: await Promise.all(
      members.map(async (m) => ({
        id: m.id,
        username: m.username,
        name: m.display_name,
        avatarVersion: m.avatar_version,
        role: m.role,
        trusted: m.trusted,
        joinedAt: m.joined_at.toISOString(),
        can: {
          sanction: can.moderate && m.id !== guardian.memberId && (await guardian.canSanction(group.id, m.role)),
          changeRole: can.manage,
        },
      })),
    ),
    hostData,
    can,
  };
}
