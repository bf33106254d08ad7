import { Command } from '@nestjs/cqrs';
import type { SignUpResult } from './sign-up.handler';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@dailies/auth';
import { z } from 'zod';
import { emailSchema, nameSchema, timezoneSchema, validate } from '../../../../shared/validate';

export const signUpInput = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH),
  name: nameSchema,
  accountName: nameSchema.optional(),
  timezone: timezoneSchema.optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export class SignUpCommand extends Command<SignUpResult> {
  readonly input: SignUpInput;
  constructor(input: unknown) {
    super();
    this.input = validate(signUpInput, input);
  }
}
