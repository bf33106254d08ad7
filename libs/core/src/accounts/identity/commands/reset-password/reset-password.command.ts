import { Command } from '@nestjs/cqrs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@dailies/auth';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';
import { linkTokenSchema } from '../verify-email/verify-email.command';

export const resetPasswordInput = z
  .object({
    token: linkTokenSchema,
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export interface ResetPasswordResult {
  sessionsRevoked: number;
}

/** The token of the reset link and the new password (public: the link is the proof). */
export class ResetPasswordCommand extends Command<ResetPasswordResult> {
  readonly input: z.infer<typeof resetPasswordInput>;
  constructor(input: unknown) {
    super();
    this.input = validate(resetPasswordInput, input);
  }
}
