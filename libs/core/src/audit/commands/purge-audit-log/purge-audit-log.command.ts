import { Command } from '@nestjs/cqrs';
import type { AccountPlan } from '@dailies/db';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';

export const purgeAuditLogInput = z.object({
  /**
   * One retention for every entry (a one-off purge by staff). Left out: each account's plan
   * decides (AUDIT_RETENTION_DAYS_BY_PLAN), and AUDIT_RETENTION_DAYS applies to entries of no
   * account.
   */
  retentionDays: z.number().int().positive().max(36_500).optional(),
  /** The time the retention counts back from (the job engine's clock); default now. */
  now: z.date().optional(),
});

/** Deletes audit entries older than their retention (run daily by the cron app). */
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

export interface PlanPurge {
  retentionDays: number;
  before: Date;
  deletedCount: number;
}

export interface AuditLogPurgeResult {
  /** Entries of no account that occurred before this time were deleted. */
  before: Date;
  /** Every entry deleted, of every plan and of no account. */
  deletedCount: number;
  /** What each plan's retention deleted (absent when one retention applied to all). */
  byPlan?: Record<AccountPlan, PlanPurge>;
}
