import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { TeamCreated, TeamMemberAdded } from '../../../events';
import { AccountPolicy } from '../../../account';
import { TeamView, toTeamView } from '../../views/team.view';
import { CreateTeamCommand } from './create-team.command';

/** Owners and admins create teams; the creator joins the new team. */
@CommandHandler(CreateTeamCommand)
export class CreateTeamHandler implements ICommandHandler<CreateTeamCommand, TeamView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: CreateTeamCommand): Promise<TeamView> {
    return this.uow.run(async (tx, events) => {
      await this.policy.requireManager(tx, actor, input.accountId);
      const team = await tx.team.create({
        data: { id: newId(), accountId: input.accountId, name: input.name },
      });
      const scope = {
        actor,
        accountId: team.accountId,
        teamId: team.id,
        subject: { type: 'team', id: team.id },
      };
      events.record(new TeamCreated({ ...scope, payload: { name: team.name } }));
      const creator = actorUserId(actor);
      if (creator) {
        await tx.teamMember.create({ data: { teamId: team.id, userId: creator } });
        events.record(new TeamMemberAdded({ ...scope, payload: { userId: creator } }));
      }
      return toTeamView(team, creator ? 1 : 0);
    });
  }
}
