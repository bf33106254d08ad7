import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class RevokeInvitationCommand {
  readonly input: { invitationId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(z.object({ invitationId: idSchema }), input);
  }
}
