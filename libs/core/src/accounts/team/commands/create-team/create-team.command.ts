import { Command } from '@nestjs/cqrs';
import type { TeamView } from '../../views/team.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';

export const createTeamInput = z.object({ accountId: idSchema, name: nameSchema });

export class CreateTeamCommand extends Command<TeamView> {
  readonly input: z.infer<typeof createTeamInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createTeamInput, input);
  }
}
