import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const teamMemberInput = z.object({ teamId: idSchema, userId: idSchema });

export class AddTeamMemberCommand {
  readonly input: z.infer<typeof teamMemberInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(teamMemberInput, input);
  }
}
