import { Command } from '@nestjs/cqrs';
import type { InvitationView } from '../../views/invitation.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { emailSchema, idSchema, validate } from '../../../../shared/validate';

export const createInvitationInput = z.object({
  accountId: idSchema,
  email: emailSchema,
  role: z.enum(['admin', 'member']).default('member'),
  teamId: idSchema.optional(),
});

export class CreateInvitationCommand extends Command<InvitationView & { token: string }> {
  readonly input: z.infer<typeof createInvitationInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createInvitationInput, input);
  }
}
