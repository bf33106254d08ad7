import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { forbidden, notFound } from '../../../../shared/errors';
import { TeamMemberRemoved } from '../../../events';
import { canManageAccount } from '../../../account';
import { AccountPolicy } from '../../../account';
import { RemoveTeamMemberCommand } from './remove-team-member.command';

/** Owners and admins remove team members; anyone may leave a team. */
@CommandHandler(RemoveTeamMemberCommand)
export class RemoveTeamMemberHandler implements ICommandHandler<RemoveTeamMemberCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: RemoveTeamMemberCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { team, role } = await this.policy.requireTeamAccess(tx, actor, input.teamId);
      if (!canManageAccount(role) && actorUserId(actor) !== input.userId) {
        throw forbidden('Only account owners and admins can change team members');
      }
      const removed = isUuid(input.userId)
        ? await tx.teamMember.deleteMany({ where: { teamId: team.id, userId: input.userId } })
        : { count: 0 };
      if (removed.count === 0) throw notFound('Team member');
      events.record(
        new TeamMemberRemoved({
          actor,
          accountId: team.accountId,
          teamId: team.id,
          subject: { type: 'team', id: team.id },
          payload: { userId: input.userId },
        }),
      );
    });
  }
}
