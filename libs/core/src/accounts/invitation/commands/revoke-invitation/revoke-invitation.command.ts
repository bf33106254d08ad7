import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class RevokeInvitationCommand extends Command<void> {
  readonly input: { invitationId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(z.object({ invitationId: idSchema }), input);
  }
}
