import { Command } from '@nestjs/cqrs';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class RevokeApiTokenCommand extends Command<void> {
  readonly input: { tokenId: string };
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    super();
    this.input = validate(z.object({ tokenId: idSchema }), input);
  }
}
