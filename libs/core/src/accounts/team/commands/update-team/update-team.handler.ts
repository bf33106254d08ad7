import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { TeamUpdated } from '../../../events';
import { canManageAccount } from '../../../account';
import { AccountPolicy } from '../../../account';
import { TeamView, toTeamView } from '../../views/team.view';
import { UpdateTeamCommand } from './update-team.command';

@CommandHandler(UpdateTeamCommand)
export class UpdateTeamHandler implements ICommandHandler<UpdateTeamCommand, TeamView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: UpdateTeamCommand): Promise<TeamView> {
    return this.uow.run(async (tx, events) => {
      const { team, role } = await this.policy.requireTeamAccess(tx, actor, input.teamId);
      if (!canManageAccount(role))
        throw forbidden('Only account owners and admins can change teams');
      if (input.name === undefined || input.name === team.name) return toTeamView(team);
      const updated = await tx.team.update({ where: { id: team.id }, data: { name: input.name } });
      events.record(
        new TeamUpdated({
          actor,
          accountId: team.accountId,
          teamId: team.id,
          subject: { type: 'team', id: team.id },
          payload: { changes: { name: input.name } },
        }),
      );
      return toTeamView(updated);
    });
  }
}
