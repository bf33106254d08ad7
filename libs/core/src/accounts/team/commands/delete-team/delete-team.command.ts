import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class DeleteTeamCommand {
  readonly input: { teamId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(z.object({ teamId: idSchema }), input);
  }
}
