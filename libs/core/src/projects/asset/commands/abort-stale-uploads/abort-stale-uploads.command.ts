import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const abortStaleUploadsInput = z
  .object({
    now: z.date(),
    /** Uploads started longer ago than this and still open are abandoned. */
    idleHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    limit: z.number().int().min(1).max(10_000).default(100),
  })
  .strict();

export interface AbortStaleUploadsResult {
  aborted: number;
  /** More stale uploads wait (the batch was full). */
  more: boolean;
}

/** The sweep: abort uploads left unfinished for too long, freeing what storage held for them. */
export class AbortStaleUploadsCommand extends Command<AbortStaleUploadsResult> {
  readonly input: z.infer<typeof abortStaleUploadsInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(abortStaleUploadsInput, input);
  }
}
