import { Command } from '@nestjs/cqrs';
import type { TeamView } from '../../views/team.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';

export const updateTeamInput = z.object({ teamId: idSchema, name: nameSchema.optional() }).strict();

export class UpdateTeamCommand extends Command<TeamView> {
  readonly input: z.infer<typeof updateTeamInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(updateTeamInput, input);
  }
}
