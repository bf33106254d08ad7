import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const unlockUserInput = z.object({ userId: idSchema });

/** Ends a user's lock (support tool); they sign in again (their old sessions stay ended). */
export class UnlockUserCommand extends Command<void> {
  readonly input: z.infer<typeof unlockUserInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(unlockUserInput, input);
  }
}
