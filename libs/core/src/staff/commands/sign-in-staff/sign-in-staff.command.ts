import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import { validate } from '../../../shared/validate';
import type { StaffSignIn } from './sign-in-staff.handler';

export const signInStaffInput = z.object({
  email: z.string().trim().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(1024),
  code: z.string().trim().min(1, 'is required').max(12),
});

/** Password and TOTP code in one step: a session only ever exists with both factors. */
export class SignInStaffCommand extends Command<StaffSignIn> {
  readonly input: z.infer<typeof signInStaffInput>;
  constructor(
    input: unknown,
    readonly options: { sessionTtlSeconds: number; ip?: string },
  ) {
    super();
    this.input = validate(signInStaffInput, input);
  }
}
