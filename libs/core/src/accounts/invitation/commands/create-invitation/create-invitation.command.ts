import { Actor } from '@dailies/events';
import { z } from 'zod';
import { emailSchema, idSchema, validate } from '../../../../shared/validate';

export const createInvitationInput = z.object({
  accountId: idSchema,
  email: emailSchema,
  role: z.enum(['admin', 'member']).default('member'),
  teamId: idSchema.optional(),
});

export class CreateInvitationCommand {
  readonly input: z.infer<typeof createInvitationInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(createInvitationInput, input);
  }
}
