import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';
import { STAFF_REASON_MAX } from '../../rules/staff-policy';

export const VIEW_AS_MAX_MINUTES = 60;

export const startViewAsInput = z
  .object({
    userId: idSchema,
    reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(STAFF_REASON_MAX),
    minutes: z.coerce.number().int().min(1).max(VIEW_AS_MAX_MINUTES).default(15),
  })
  .strict();

/** Opens a read-only, time-boxed view of what a customer sees. */
export class StartViewAsCommand extends Command<{ grantId: string; expiresAt: Date }> {
  readonly input: z.infer<typeof startViewAsInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(startViewAsInput, input);
  }
}
