import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../../account';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const acceptInvitationInput = z.object({
  token: z.string().trim().min(1, 'is required').max(200),
});

export class AcceptInvitationCommand extends Command<AccountView> {
  readonly input: z.infer<typeof acceptInvitationInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    super();
    this.input = validate(acceptInvitationInput, input);
  }
}
