import { Actor } from '@dailies/events';
import { teamMemberInput } from '../add-team-member/add-team-member.command';
import { validate } from '../../../../shared/validate';

export class RemoveTeamMemberCommand {
  readonly input: { teamId: string; userId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(teamMemberInput, input);
  }
}
