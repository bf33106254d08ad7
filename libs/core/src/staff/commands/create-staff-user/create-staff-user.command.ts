import { Command } from '@nestjs/cqrs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@dailies/auth';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { emailSchema, nameSchema, validate } from '../../../shared/validate';
import type { CreatedStaffUser } from './create-staff-user.handler';

export const createStaffUserInput = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: z.enum(['support', 'admin'], { message: 'must be support or admin' }),
    /** Left out: a random one is generated and returned once. */
    password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional(),
  })
  .strict();

/** A new staff member with a fresh TOTP secret (the CLI `npm run staff -- create`). */
export class CreateStaffUserCommand extends Command<CreatedStaffUser> {
  readonly input: z.infer<typeof createStaffUserInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createStaffUserInput, input);
  }
}
