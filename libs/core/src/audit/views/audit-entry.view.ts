import type { AuditLogEntry } from '@dailies/db';

/** One audit log entry as the API shows it. */
export interface AuditEntryView {
  /** The id of the event this entry records. */
  eventId: string;
  /** The event name, e.g. `comment.created`. */
  action: string;
  occurredAt: Date;
  actor: { type: string; id: string | null; detail: string | null };
  subject: { type: string; id: string };
  accountId: string | null;
  teamId: string | null;
  projectId: string | null;
  /** The event's payload, secrets removed. */
  details: unknown;
  requestId: string | null;
  ip: string | null;
}

export function toAuditEntryView(row: AuditLogEntry): AuditEntryView {
  return {
    eventId: row.eventId,
    action: row.action,
    occurredAt: row.occurredAt,
    actor: { type: row.actorType, id: row.actorId, detail: row.actorDetail },
    subject: { type: row.subjectType, id: row.subjectId },
    accountId: row.accountId,
    teamId: row.teamId,
    projectId: row.projectId,
    details: row.details,
    requestId: row.requestId,
    ip: row.ip,
  };
}
