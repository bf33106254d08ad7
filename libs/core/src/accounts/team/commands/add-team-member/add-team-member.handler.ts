import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden, validationFailed } from '../../../../shared/errors';
import { TeamMemberAdded } from '../../../events';
import { canManageAccount } from '../../../account';
import { AccountPolicy } from '../../../account';
import { MemberView, toMemberView } from '../../../account';
import { AddTeamMemberCommand } from './add-team-member.command';

/** Adds a member of the account to one of its teams (idempotent). */
@CommandHandler(AddTeamMemberCommand)
export class AddTeamMemberHandler implements ICommandHandler<AddTeamMemberCommand, MemberView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: AddTeamMemberCommand): Promise<MemberView> {
    return this.uow.run(async (tx, events) => {
      const { team, role } = await this.policy.requireTeamAccess(tx, actor, input.teamId);
      if (!canManageAccount(role))
        throw forbidden('Only account owners and admins can change team members');
      const membership = isUuid(input.userId)
        ? await tx.membership.findUnique({
            where: { accountId_userId: { accountId: team.accountId, userId: input.userId } },
            include: { user: true },
          })
        : null;
      if (!membership)
        throw validationFailed([{ field: 'userId', message: 'is not a member of this account' }]);
      const created = await tx.teamMember.createMany({
        data: [{ teamId: team.id, userId: input.userId }],
        skipDuplicates: true,
      });
      if (created.count > 0) {
        events.record(
          new TeamMemberAdded({
            actor,
            accountId: team.accountId,
            teamId: team.id,
            subject: { type: 'team', id: team.id },
            payload: { userId: input.userId },
          }),
        );
      }
      return toMemberView(membership);
    });
  }
}
