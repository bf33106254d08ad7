import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';
import { STAFF_REASON_MAX } from '../../rules/staff-policy';

export const forceLogoutUserInput = z
  .object({
    userId: idSchema,
    reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(STAFF_REASON_MAX),
  })
  .strict();

/** Staff end every session of a user (refresh tokens revoked; the user may sign in again). */
export class ForceLogoutUserCommand extends Command<{ sessionsRevoked: number }> {
  readonly input: z.infer<typeof forceLogoutUserInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(forceLogoutUserInput, input);
  }
}
