import { Command } from '@nestjs/cqrs';
import type { PurgeTrashResult } from './purge-trash.handler';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';
import { TRASH_RETENTION_DAYS } from '../../rules/asset-trash';

const retentionMs = TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000;

export const purgeTrashInput = z.object({
  /** Purge what was trashed before this time; default (and at the latest) 30 days ago. */
  olderThan: z.coerce
    .date()
    .optional()
    .refine((d) => d === undefined || d.getTime() <= Date.now() - retentionMs + 60_000, {
      message: `must be at least ${TRASH_RETENTION_DAYS} days ago (trash is kept that long)`,
    }),
  /** How many trashed items (each with its subtree) one run deletes at most. */
  limit: z.number().int().min(1).max(10_000).default(500),
});

/** Delete for good what has been in the trash longer than the retention (a scheduled job). */
export class PurgeTrashCommand extends Command<PurgeTrashResult> {
  readonly input: z.infer<typeof purgeTrashInput>;
  constructor(
    readonly actor: Actor,
    input: unknown = {},
  ) {
    super();
    this.input = validate(purgeTrashInput, input);
  }
}
