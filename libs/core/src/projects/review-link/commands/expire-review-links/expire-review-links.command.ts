import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const expireReviewLinksInput = z.object({
  /** Links whose expiresAt is at or before this time expire (default: now). */
  now: z.coerce.date().optional(),
  /** How many links one run marks at most. */
  limit: z.number().int().min(1).max(10_000).default(1000),
});

/** Marks review links past their expiry as expired, one review_link.expired each (a job). */
export class ExpireReviewLinksCommand extends Command<ExpireReviewLinksResult> {
  readonly input: z.infer<typeof expireReviewLinksInput>;
  constructor(
    readonly actor: Actor,
    input: unknown = {},
  ) {
    super();
    this.input = validate(expireReviewLinksInput, input);
  }
}

export interface ExpireReviewLinksResult {
  expired: number;
  /** True when more expired links are waiting (run again). */
  more: boolean;
}
