import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';

/** Without `retentionDays`, AUDIT_RETENTION_DAYS applies. */
export const purgeAuditLogInput = z.object({
  retentionDays: z.number().int().positive().max(36_500).optional(),
});

/** Deletes audit entries older than the retention period (run daily by the cron app). */
export class PurgeAuditLogCommand extends Command<AuditLogPurgeResult> {
  readonly input: z.infer<typeof purgeAuditLogInput>;
  constructor(
    readonly actor: Actor,
    input: unknown = {},
  ) {
    super();
    this.input = validate(purgeAuditLogInput, input);
  }
}

export interface AuditLogPurgeResult {
  /** Entries that occurred before this time were deleted. */
  before: Date;
  deletedCount: number;
}
