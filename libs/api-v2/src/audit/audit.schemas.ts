import { AuditEntryView } from '@dailies/core';
import { z } from 'zod';
import { sameShape } from '../view-schema-kit';

// Response shapes of the audit log routes (named components of the document).

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
sameShape<z.infer<typeof auditEntryViewSchema>, AuditEntryView>(true);
