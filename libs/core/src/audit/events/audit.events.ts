import { defineEvent } from '@dailies/events';
import { z } from 'zod';

/**
 * Entries older than `before` were deleted under the retention policy (subject: the whole audit
 * log). Raised by the purge command, so the purge itself leaves a trace in the log it shortened.
 */
export class AuditLogPurged extends defineEvent(
  'audit_log.purged',
  1,
  z.object({
    before: z.string(),
    retentionDays: z.number().int().positive(),
    deletedCount: z.number().int().nonnegative(),
    /** Per plan (the scheduled purge): each plan's retention, cut-off and deletions. */
    byPlan: z
      .record(
        z.string(),
        z.object({
          retentionDays: z.number().int().positive(),
          before: z.string(),
          deletedCount: z.number().int().nonnegative(),
        }),
      )
      .optional(),
  }),
) {}
