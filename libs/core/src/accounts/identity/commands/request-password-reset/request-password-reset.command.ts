import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import { emailSchema, validate } from '../../../../shared/validate';

export const requestPasswordResetInput = z.object({ email: emailSchema }).strict();

/** Public: anyone may ask; the answer never says whether the address has an account. */
export class RequestPasswordResetCommand extends Command<void> {
  readonly input: z.infer<typeof requestPasswordResetInput>;
  constructor(input: unknown) {
    super();
    this.input = validate(requestPasswordResetInput, input);
  }
}
