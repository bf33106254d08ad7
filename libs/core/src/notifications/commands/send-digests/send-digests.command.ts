import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';

export const sendDigestsInput = z.object({
  /** The time the digests are decided for (the jobs clock; default now). */
  now: z.coerce.date().optional(),
  /** Local hour of the daily digest (NOTIFICATIONS_DIGEST_HOUR). */
  dailyHour: z.number().int().min(0).max(23).default(8),
  /** Users looked at in one run at most. */
  limit: z.number().int().min(1).max(100_000).default(10_000),
});

/**
 * Records the due digest e-mails: for each user with notifications waiting for an hourly or daily
 * digest, in their IANA time zone, the window since their last digest (a scheduled job).
 */
export class SendDigestsCommand extends Command<SendDigestsResult> {
  readonly input: z.infer<typeof sendDigestsInput>;
  constructor(
    readonly actor: Actor,
    input: unknown = {},
  ) {
    super();
    this.input = validate(sendDigestsInput, input);
  }
}

export interface SendDigestsResult {
  /** Users whose waiting notifications were looked at. */
  users: number;
  /** Digests recorded now (a re-run of the same window records none). */
  queued: number;
}
