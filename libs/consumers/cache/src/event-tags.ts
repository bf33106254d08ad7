import { cacheTags } from '@dailies/cache';
import { createEventRegistry, EventName } from '@dailies/core';
import type { EventClass } from '@dailies/events';

/** What the mapping reads of an event (a DomainEvent, or its stored form). */
export interface TaggableEvent {
  readonly eventName: string;
  readonly accountId: string | null;
  readonly projectId: string | null;
  readonly subject: { readonly type: string; readonly id: string };
  readonly payload: unknown;
}

export type TagRule = (event: TaggableEvent) => (string | null)[];

/** Payload fields read defensively: a missing or non-string field is simply not a tag. */
function field(event: TaggableEvent, name: string): string | null {
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null) return null;
  const value = (payload as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

const tag = (make: (id: string) => string, id: string | null) => (id ? make(id) : null);

const none: TagRule = () => [];

/** Someone's memberships or teams changed: their access anywhere, and the account's. */
const accessOfMember: TagRule = (e) => [
  tag(cacheTags.accessOfUser, field(e, 'userId')),
  tag(cacheTags.accessOfAccount, e.accountId),
];

/** A project's access rules or people changed. */
const accessOfProject: TagRule = (e) => [
  tag(cacheTags.access, e.projectId),
  tag(cacheTags.project, e.projectId),
  tag(cacheTags.accessOfUser, field(e, 'userId')),
];

/** The asset itself changed (name, label, properties, status): its entry, and the pages and
 * project listing it (children pages carry their children's asset tags). */
const assetItself: TagRule = (e) => [
  tag(cacheTags.asset, e.subject.id),
  tag(cacheTags.project, e.projectId),
];

/** A whole subtree changed state (trash, restore, purge): every cached asset of the project. */
const assetSubtree =
  (parentField: string | null): TagRule =>
  (e) => [
    tag(cacheTags.asset, e.subject.id),
    parentField ? tag(cacheTags.children, field(e, parentField)) : null,
    tag(cacheTags.project, e.projectId),
    tag(cacheTags.projectAssets, e.projectId),
  ];

/** A user's sessions ended (some or all): every cached live-session check of theirs. */
const sessionsOfSubject: TagRule = (e) => [
  e.subject.type === 'user' ? tag(cacheTags.sessionsOfUser, e.subject.id) : null,
];

/**
 * Comments: nothing caches comment lists (they are read per page, with the reader's likes), so
 * there is nothing to drop — and a comment is the busiest write, whose every invalidation
 * broadcast cost a NOTIFY round trip for nothing. A cache of comment pages must tag them with
 * cacheTags.comments(assetId) and return that tag here.
 */
const commentsOfAsset: TagRule = none;

/**
 * The decision for every event name of the catalogue: which cache tags it invalidates. A name
 * mapped to `none` changes nothing any cache holds. Typed by the registry's names: a new event
 * without a rule here fails to compile (and a test over the registry checks it at run time too).
 */
export const tagRules: Readonly<Record<EventName, TagRule>> = {
  // Accounts and identity.
  'account.created': none,
  'account.updated': none,
  'account.ownership_transferred': (e) => [
    tag(cacheTags.accessOfUser, field(e, 'fromUserId')),
    tag(cacheTags.accessOfUser, field(e, 'toUserId')),
    tag(cacheTags.accessOfAccount, e.accountId),
  ],
  'member.added': accessOfMember,
  'member.role_changed': accessOfMember,
  'member.removed': accessOfMember,
  'invitation.created': none,
  'invitation.revoked': none,
  'invitation.resent': none,
  'invitation.accepted': accessOfMember,
  'team.created': none,
  'team.updated': none,
  'team.deleted': (e) => [tag(cacheTags.accessOfAccount, e.accountId)],
  'team.member_added': accessOfMember,
  'team.member_removed': accessOfMember,
  'user.signed_up': none,
  'user.logged_in': none,
  'user.logged_out': sessionsOfSubject,
  'session.refreshed': none,
  'session.reuse_detected': sessionsOfSubject,
  'api_token.created': none,
  'api_token.revoked': none,
  'user.password_changed': sessionsOfSubject,

  // Projects.
  'project.created': (e) => [tag(cacheTags.project, e.projectId)],
  'project.updated': accessOfProject,
  'project.deleted': (e) => [...accessOfProject(e), tag(cacheTags.projectAssets, e.projectId)],
  'project.collaborator_added': accessOfProject,
  'project.collaborator_role_changed': accessOfProject,
  'project.collaborator_removed': accessOfProject,

  // Assets.
  'asset.created': (e) => [
    tag(cacheTags.asset, e.subject.id),
    tag(cacheTags.children, field(e, 'parentId')),
    tag(cacheTags.project, e.projectId),
  ],
  'asset.renamed': assetItself,
  'asset.label_changed': assetItself,
  'asset.properties_changed': assetItself,
  'asset.upload_completed': assetItself,
  // The asset's view does not change until the upload completes.
  'asset.upload_started': none,
  'asset.upload_aborted': none,
  'asset.processing_started': assetItself,
  // The facts change the asset and its comments' views (seconds and timecode need the rate).
  'asset.processed': (e) => [...assetItself(e), tag(cacheTags.comments, e.subject.id)],
  'asset.processing_failed': assetItself,
  'asset.moved': (e) => [
    ...assetItself(e),
    tag(cacheTags.children, field(e, 'fromParentId')),
    tag(cacheTags.children, field(e, 'toParentId')),
  ],
  'asset.copied': (e) => [
    tag(cacheTags.asset, field(e, 'copyId') ?? e.subject.id),
    tag(cacheTags.children, field(e, 'parentId')),
    tag(cacheTags.project, e.projectId),
  ],
  'asset.deleted': assetSubtree('parentId'),
  'asset.restored': assetSubtree('parentId'),
  'asset.hard_deleted': assetSubtree(null),
  'asset.versioned': (e) => [
    tag(cacheTags.asset, field(e, 'stackId') ?? e.subject.id),
    tag(cacheTags.asset, field(e, 'versionAssetId')),
    tag(cacheTags.children, field(e, 'stackId') ?? e.subject.id),
    tag(cacheTags.project, e.projectId),
    // A file that just became a stack changes its parent's page, whose id the event lacks.
    (e.payload as { createdStack?: unknown } | null)?.createdStack === true
      ? tag(cacheTags.projectAssets, e.projectId)
      : null,
  ],
  'asset.stack_dissolved': (e) => [
    tag(cacheTags.asset, e.subject.id),
    tag(cacheTags.asset, field(e, 'remainingAssetId')),
    tag(cacheTags.children, e.subject.id),
    tag(cacheTags.children, field(e, 'parentId')),
    tag(cacheTags.project, e.projectId),
  ],

  // Comments: nothing cached (see commentsOfAsset).
  'comment.created': commentsOfAsset,
  'comment.edited': commentsOfAsset,
  'comment.deleted': commentsOfAsset,
  'comment.completed': commentsOfAsset,
  'comment.uncompleted': commentsOfAsset,
  'comment.liked': commentsOfAsset,
  'comment.unliked': commentsOfAsset,

  // Review links (their public pages are looked up by code).
  'review_link.created': (e) => [tag(cacheTags.reviewLink, e.subject.id)],
  'review_link.updated': (e) => [tag(cacheTags.reviewLink, e.subject.id)],
  'review_link.deleted': (e) => [tag(cacheTags.reviewLink, e.subject.id)],
  'review_link.expired': (e) => [tag(cacheTags.reviewLink, e.subject.id)],

  // Inboxes, settings and bookkeeping: nothing cached.
  'notification.read': none,
  'notification.preferences_updated': none,
  'notification.digest_queued': none,
  'audit_log.purged': none,
  'usage.reconciled': none,
  'operations.dead_letters_redriven': none,
  'operations.events_replayed': none,
  'operations.job_dead_letters_retried': none,
  // Support staff. Staff sign-in checks a staff member's status in the database, never in a
  // cache; locking a user or ending their sessions drops their cached session checks.
  'staff.created': none,
  'staff.signed_in': none,
  'staff.sign_in_failed': none,
  'staff.signed_out': none,
  'user.locked': sessionsOfSubject,
  'user.unlocked': none,
  'user.sessions_ended': sessionsOfSubject,
  'user.verification_sent': none,
  'user.password_reset_sent': none,
  'support.view_as_started': none,
};

/**
 * For an event without a decision (a new event name the rules do not know yet): everything the
 * event could plausibly touch, so that a forgotten rule costs cache hits, never correctness.
 */
const unknownEvent: TagRule = (e) => [
  e.subject.type === 'asset' ? tag(cacheTags.asset, e.subject.id) : null,
  tag(cacheTags.project, e.projectId),
  tag(cacheTags.projectAssets, e.projectId),
  tag(cacheTags.access, e.projectId),
  tag(cacheTags.accessOfAccount, e.accountId),
];

export function hasTagRule(eventName: string): boolean {
  return Object.prototype.hasOwnProperty.call(tagRules, eventName);
}

/** The cache tags an event invalidates (unique, in a stable order). */
export function tagsForEvent(event: TaggableEvent): string[] {
  const rule = hasTagRule(event.eventName) ? tagRules[event.eventName as EventName] : unknownEvent;
  return [...new Set(rule(event).filter((t): t is string => t !== null))];
}

/**
 * The events the cache consumer subscribes to: every event whose rule is not `none`. An event
 * that invalidates nothing (a comment — the busiest write — or a sign-in) then costs no delivery
 * row, no claim and no acknowledgement: 3 delivery rows per comment instead of 4. An event name
 * without a rule (not in the catalogue) cannot be raised, since the registry is the catalogue.
 */
export const INVALIDATING_EVENTS: readonly EventClass[] = invalidatingEvents();

function invalidatingEvents(): EventClass[] {
  const registry = createEventRegistry();
  return registry
    .names()
    .filter((name) => !hasTagRule(name) || tagRules[name as EventName] !== none)
    .map((name) => registry.classFor(name));
}
