import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const linkTokenSchema = z.string().trim().min(1, 'is required').max(200);
export const verifyEmailInput = z.object({ token: linkTokenSchema }).strict();

export interface VerifyEmailResult {
  verified: true;
}

/** The token of the verification link (public: the link itself is the proof). */
export class VerifyEmailCommand extends Command<VerifyEmailResult> {
  readonly input: z.infer<typeof verifyEmailInput>;
  constructor(input: unknown) {
    super();
    this.input = validate(verifyEmailInput, input);
  }
}
