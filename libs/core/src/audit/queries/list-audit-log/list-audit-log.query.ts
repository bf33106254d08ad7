import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../shared/pagination';
import type { AuditEntryView } from '../../views/audit-entry.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../shared/pagination';
import { validate } from '../../../shared/validate';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const isoTime = z
  .string()
  .trim()
  .refine(
    (s) => ISO_TIME.test(s) && !Number.isNaN(Date.parse(s)),
    'must be an ISO 8601 time such as 2026-01-31T12:00:00Z',
  )
  .transform((s) => new Date(s));

const text = z.string().trim().min(1, 'must not be empty').max(200);

/** Filters of the audit log; every one optional, all of them combined. */
const filterShape = {
  /** An event name (`comment.created`) or a prefix ending in `.*` (`comment.*`). */
  action: z
    .string()
    .trim()
    .max(100)
    .regex(
      /^[a-z][a-z_]*(\.[a-z][a-z_]*)*(\.\*)?$/,
      'must be an event name such as comment.created, or a prefix such as comment.*',
    )
    .optional(),
  actorId: text.optional(),
  subjectType: text.optional(),
  subjectId: text.optional(),
  /** Inclusive. */
  from: isoTime.optional(),
  /** Exclusive. */
  to: isoTime.optional(),
};

export const listAuditLogInput = pageRequestSchema
  .extend(filterShape)
  .refine((f) => !f.from || !f.to || f.from < f.to, {
    message: 'must be later than from',
    path: ['to'],
  });
export type AuditLogFilter = z.infer<z.ZodObject<typeof filterShape>>;

/** The audit log of an account, newest first. */
export class ListAuditLogQuery extends Query<Page<AuditEntryView>> {
  readonly input: z.infer<typeof listAuditLogInput>;
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
    query: unknown,
  ) {
    super();
    this.input = validate(listAuditLogInput, query);
  }
}
