import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';
import { STAFF_REASON_MAX } from '../../rules/staff-policy';

export const lockUserInput = z
  .object({
    userId: idSchema,
    reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(STAFF_REASON_MAX),
    /** Left out (or empty): until unlocked. Else the lock ends by itself after this long. */
    minutes: z
      .union([
        z.literal('').transform(() => undefined),
        z.coerce.number().int().min(1).max(525_600),
      ])
      .optional(),
  })
  .strict();

/** Staff lock a customer's user: sign-in refused, every session ended at once. */
export class LockUserCommand extends Command<{
  userId: string;
  status: 'locked';
  until: Date | null;
}> {
  readonly input: z.infer<typeof lockUserInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(lockUserInput, input);
  }
}
