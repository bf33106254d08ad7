import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const acceptInvitationInput = z.object({
  token: z.string().trim().min(1, 'is required').max(200),
});

export class AcceptInvitationCommand {
  readonly input: z.infer<typeof acceptInvitationInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    this.input = validate(acceptInvitationInput, input);
  }
}
