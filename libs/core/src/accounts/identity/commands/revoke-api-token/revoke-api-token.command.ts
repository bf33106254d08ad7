import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class RevokeApiTokenCommand {
  readonly input: { tokenId: string };
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    this.input = validate(z.object({ tokenId: idSchema }), input);
  }
}
