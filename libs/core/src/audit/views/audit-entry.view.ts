import type { AuditLogEntry } from '@dailies/db';
import { z } from 'zod';

/** How a staff actor appears in a customer's audit log. */
export const STAFF_DISPLAY_NAME = 'Dailies support';

/** One audit log entry as the API shows it (the one definition of its shape). */
export const auditEntryViewSchema = z
  .object({
    eventId: z.string().meta({ description: 'The id of the event this entry records' }),
    action: z.string().meta({ description: 'The event name, e.g. comment.created' }),
    occurredAt: z.date(),
    actor: z.object({
      type: z.string().meta({ examples: ['user', 'staff', 'system', 'anonymous'] }),
      id: z.string().nullable().meta({
        description: 'User or staff id, system job name, or (anonymous) the review link id',
      }),
      detail: z.string().nullable().meta({
        description: 'api_token:<id>, a staff e-mail, or an anonymous display name',
      }),
    }),
    subject: z.object({ type: z.string(), id: z.string() }),
    accountId: z.string().nullable(),
    teamId: z.string().nullable(),
    projectId: z.string().nullable(),
    details: z.unknown().meta({ description: "The event's payload, secrets removed" }),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntryView' });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export function toAuditEntryView(row: AuditLogEntry): AuditEntryView {
  return {
    eventId: row.eventId,
    action: row.action,
    occurredAt: row.occurredAt,
    // Customers see staff as "Dailies support", never which staff member (the Support Tool
    // reads the audit table itself and shows the staff identity).
    actor:
      row.actorType === 'staff'
        ? { type: 'staff', id: null, detail: STAFF_DISPLAY_NAME }
        : { type: row.actorType, id: row.actorId, detail: row.actorDetail },
    subject: { type: row.subjectType, id: row.subjectId },
    accountId: row.accountId,
    teamId: row.teamId,
    projectId: row.projectId,
    details: row.details,
    requestId: row.requestId,
    ip: row.ip,
  };
}
