import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const resendVerificationInput = z.object({ userId: idSchema }).strict();

/**
 * A new verification link by e-mail: the signed-in user asks for their own (no input), or
 * support sends one to a customer's user (`{ userId }`, the reason on the staff actor).
 */
export class ResendVerificationCommand extends Command<void> {
  readonly input: z.infer<typeof resendVerificationInput> | null;
  constructor(
    readonly actor: Actor,
    input?: unknown,
  ) {
    super();
    this.input =
      actor.type === 'staff' || input !== undefined
        ? validate(resendVerificationInput, input)
        : null;
  }
}
