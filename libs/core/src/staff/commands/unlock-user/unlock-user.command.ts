import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';
import { STAFF_REASON_MAX } from '../../rules/staff-policy';

export const unlockUserInput = z
  .object({
    userId: idSchema,
    reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(STAFF_REASON_MAX),
  })
  .strict();

/** Staff unlock a customer's user. */
export class UnlockUserCommand extends Command<{ userId: string; status: 'active' | 'locked' }> {
  readonly input: z.infer<typeof unlockUserInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(unlockUserInput, input);
  }
}
