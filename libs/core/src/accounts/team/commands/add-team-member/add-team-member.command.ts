import { Command } from '@nestjs/cqrs';
import type { MemberView } from '../../../account';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const teamMemberInput = z.object({ teamId: idSchema, userId: idSchema });

export class AddTeamMemberCommand extends Command<MemberView> {
  readonly input: z.infer<typeof teamMemberInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(teamMemberInput, input);
  }
}
