import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { teamMemberInput } from '../add-team-member/add-team-member.command';
import { validate } from '../../../../shared/validate';

export class RemoveTeamMemberCommand extends Command<void> {
  readonly input: { teamId: string; userId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(teamMemberInput, input);
  }
}
