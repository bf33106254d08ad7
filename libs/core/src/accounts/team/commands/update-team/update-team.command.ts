import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';

export const updateTeamInput = z.object({ teamId: idSchema, name: nameSchema.optional() }).strict();

export class UpdateTeamCommand {
  readonly input: z.infer<typeof updateTeamInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(updateTeamInput, input);
  }
}
