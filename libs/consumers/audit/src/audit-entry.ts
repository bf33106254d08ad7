import { redactSecrets } from '@dailies/core';
import type { Actor, DomainEvent } from '@dailies/events';

/** An audit_log row, column names as in the table (it is written as JSON, see the writer). */
export interface AuditEntryRow {
  event_id: string;
  account_id: string | null;
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_detail: string | null;
  subject_type: string;
  subject_id: string;
  team_id: string | null;
  project_id: string | null;
  details: unknown;
  request_id: string | null;
  ip: string | null;
  occurred_at: string;
}

/** The audit log's row for an event: who did what to what, where and when; secrets removed. */
export function toAuditEntry(event: DomainEvent): AuditEntryRow {
  const actor = describeActor(event.actor);
  return {
    event_id: event.id,
    account_id: event.accountId,
    action: event.eventName,
    actor_type: event.actor.type,
    actor_id: actor.id,
    actor_detail: actor.detail,
    subject_type: event.subject.type,
    subject_id: event.subject.id,
    team_id: event.teamId,
    project_id: event.projectId,
    details: withSupportReason(event.actor, redactSecrets(event.payload) ?? {}),
    request_id: event.requestId,
    ip: event.ip,
    occurred_at: event.occurredAt.toISOString(),
  };
}

/**
 * The actor's id (what `actorId` filters on) and whatever else names it. Anonymous reviewers
 * have no id of their own: theirs is the review link they acted through.
 */
function describeActor(actor: Actor): { id: string | null; detail: string | null } {
  switch (actor.type) {
    case 'user':
      return { id: actor.id, detail: actor.apiTokenId ? `api_token:${actor.apiTokenId}` : null };
    case 'staff':
      return { id: actor.id, detail: actor.email ?? null };
    case 'system':
      return { id: actor.name, detail: null };
    case 'anonymous':
      return { id: actor.reviewLinkId ?? null, detail: actor.displayName };
  }
}

/** A staff action records the reason support gave, beside the payload, for the customer's admins. */
function withSupportReason(actor: Actor, details: unknown): unknown {
  if (actor.type !== 'staff' || !actor.reason) return details;
  if (details && typeof details === 'object' && !Array.isArray(details))
    return { ...(details as Record<string, unknown>), supportReason: actor.reason };
  return { value: details, supportReason: actor.reason };
}
