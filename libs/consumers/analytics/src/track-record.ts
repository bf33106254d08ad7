import crypto from 'node:crypto';
import { redactSecrets } from '@dailies/core';
import type { Actor, DomainEvent } from '@dailies/events';

/** A Segment `track` call (https://segment.com/docs/connections/spec/track/). */
export interface TrackRecord {
  type: 'track';
  event: string;
  userId?: string;
  anonymousId?: string;
  properties: Record<string, unknown>;
  /** When it happened (the event's occurredAt), ISO 8601. */
  timestamp: string;
  /** The event id: Segment and the table sink drop repeats of a messageId. */
  messageId: string;
  context: { requestId?: string };
}

// Customers' content and personal data stay home: names, e-mails and free text are not product
// analytics. (Secrets go too, by the audit rule.)
const PERSONAL_KEY = /email|name|text|excerpt|title|description|body/i;

/** The track record of an event. */
export function toTrack(event: DomainEvent): TrackRecord {
  return {
    type: 'track',
    event: event.eventName,
    ...identify(event.actor),
    properties: {
      ...selectedFields(event.payload),
      ...definedOnly({
        accountId: event.accountId,
        teamId: event.teamId,
        projectId: event.projectId,
      }),
      subjectType: event.subject.type,
      subjectId: event.subject.id,
    },
    timestamp: event.occurredAt.toISOString(),
    messageId: event.id,
    context: event.requestId ? { requestId: event.requestId } : {},
  };
}

/**
 * Segment needs a userId or an anonymousId. Anonymous reviewers are told apart per review link
 * by a hash of the name they typed (which itself is not sent).
 */
function identify(actor: Actor): { userId: string } | { anonymousId: string } {
  switch (actor.type) {
    case 'user':
      return { userId: actor.id };
    case 'staff':
      return { anonymousId: `staff:${actor.id}` };
    case 'system':
      return { anonymousId: `system:${actor.name}` };
    case 'anonymous': {
      const who = crypto.createHash('sha256').update(actor.displayName).digest('hex').slice(0, 16);
      return { anonymousId: `review:${actor.reviewLinkId ?? 'none'}:${who}` };
    }
  }
}

function selectedFields(payload: unknown): Record<string, unknown> {
  const kept = dropPersonal(redactSecrets(payload));
  return kept !== null && typeof kept === 'object' && !Array.isArray(kept)
    ? (kept as Record<string, unknown>)
    : {};
}

function dropPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropPersonal);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !PERSONAL_KEY.test(key))
        .map(([key, inner]) => [key, dropPersonal(inner)]),
    );
  }
  return value;
}

function definedOnly(values: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}
