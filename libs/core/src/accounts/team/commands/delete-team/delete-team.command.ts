import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class DeleteTeamCommand extends Command<void> {
  readonly input: { teamId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(z.object({ teamId: idSchema }), input);
  }
}
