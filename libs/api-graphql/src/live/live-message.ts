import { actorUserId, DomainEvent } from '@dailies/events';

/**
 * What crosses instances about a committed event: its identity and routing keys only (NOTIFY
 * payloads are limited to 8,000 bytes); subscribers load what they show, under their own
 * access rights.
 */
export interface LiveMessage {
  /** The event's id. */
  id: string;
  name: string;
  projectId: string | null;
  assetId: string | null;
  commentId: string | null;
  /** Only for `notification.created`: whose inbox (the id is the notification's). */
  userId?: string | null;
}

/** A new in-app notification (from the notifications consumer, not a committed event). */
export const NOTIFICATION_CREATED = 'notification.created';

/** Events that change who may see a project: cached access decisions are dropped. */
export const ACCESS_EVENTS = new Set([
  'project.updated',
  'project.deleted',
  'project.collaborator_role_changed',
  'project.collaborator_removed',
  'member.removed',
  'member.role_changed',
  'team.member_removed',
  'team.deleted',
]);

/**
 * Events after which some of a user's sessions or tokens may have ended (logout, a revoked
 * refresh family, a password change, a lock, a revoked API token): that user's open sockets
 * check their credentials again and close with 4401 when they no longer hold.
 */
export const SESSION_EVENTS = new Set([
  'user.logged_out',
  'session.reuse_detected',
  'user.password_changed',
  'user.locked',
  'user.sessions_ended',
  'api_token.revoked',
]);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The live message of a committed event, or null when no subscription cares about it. */
export function liveMessageOf(event: DomainEvent): LiveMessage | null {
  const name = event.eventName;
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const base = { id: event.id, name, projectId: event.projectId };
  if (name.startsWith('asset.')) {
    const assetId = name === 'asset.copied' ? str(payload.copyId) : event.subject.id;
    return { ...base, assetId, commentId: null };
  }
  if (name.startsWith('comment.')) {
    return { ...base, assetId: str(payload.assetId), commentId: event.subject.id };
  }
  if (ACCESS_EVENTS.has(name)) return { ...base, assetId: null, commentId: null };
  if (SESSION_EVENTS.has(name)) {
    const userId =
      event.subject.type === 'user' ? event.subject.id : (actorUserId(event.actor) ?? null);
    return userId ? { ...base, assetId: null, commentId: null, userId } : null;
  }
  return null;
}

export function isLiveMessage(value: unknown): value is LiveMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  const optional = (v: unknown) => v === null || typeof v === 'string';
  return (
    typeof m.id === 'string' &&
    typeof m.name === 'string' &&
    optional(m.projectId) &&
    optional(m.assetId) &&
    optional(m.commentId) &&
    (m.userId === undefined || optional(m.userId))
  );
}
