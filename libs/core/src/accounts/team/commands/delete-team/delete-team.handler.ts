import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { conflict, forbidden } from '../../../../shared/errors';
import { TeamDeleted } from '../../../events';
import { canManageAccount } from '../../../account';
import { AccountPolicy } from '../../../account';
import { DeleteTeamCommand } from './delete-team.command';

/**
 * Owners and admins delete teams; an account always keeps at least one team, and a team with
 * projects is kept (deleting it would silently delete everyone's media).
 */
@CommandHandler(DeleteTeamCommand)
export class DeleteTeamHandler implements ICommandHandler<DeleteTeamCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: DeleteTeamCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { team, role } = await this.policy.requireTeamAccess(tx, actor, input.teamId);
      if (!canManageAccount(role))
        throw forbidden('Only account owners and admins can delete teams');
      const teams = await tx.team.count({ where: { accountId: team.accountId } });
      if (teams <= 1) throw conflict('An account keeps at least one team', 'last_team');
      const projects = await tx.project.count({ where: { teamId: team.id } });
      if (projects > 0) {
        throw conflict(
          `The team still has ${projects} project(s); move or delete them first`,
          'team_has_projects',
        );
      }
      await tx.team.delete({ where: { id: team.id } });
      events.record(
        new TeamDeleted({
          actor,
          accountId: team.accountId,
          teamId: team.id,
          subject: { type: 'team', id: team.id },
          payload: { name: team.name },
        }),
      );
    });
  }
}
