import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { emailSchema, validate } from '../../../../shared/validate';

export const requestPasswordResetInput = z.object({ email: emailSchema }).strict();

/**
 * Public: anyone may ask; the answer never says whether the address has an account. Support
 * staff may send it too (their actor carries the reason); they get a plain answer instead.
 */
export class RequestPasswordResetCommand extends Command<void> {
  readonly input: z.infer<typeof requestPasswordResetInput>;
  constructor(
    input: unknown,
    readonly actor: Actor | null = null,
  ) {
    super();
    this.input = validate(requestPasswordResetInput, input);
  }
}
