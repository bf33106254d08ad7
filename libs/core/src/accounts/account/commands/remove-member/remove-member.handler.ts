import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { conflict, forbidden, notFound } from '../../../../shared/errors';
import { MemberRemoved, TeamMemberRemoved } from '../../../events';
import { judgeRemoval } from '../../policy/account-rules';
import { AccountPolicy } from '../../policy/account-policy';
import { RemoveMemberCommand } from './remove-member.command';

/** Removes a member (or lets one leave) and takes them out of the account's teams. */
@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: RemoveMemberCommand): Promise<void> {
    const { accountId, userId } = input;
    await this.uow.run(async (tx, events) => {
      const actorRole = await this.policy.requireMember(tx, actor, accountId);
      const target = isUuid(userId)
        ? await tx.membership.findUnique({ where: { accountId_userId: { accountId, userId } } })
        : null;
      if (!target) throw notFound('Member');
      const self = actorUserId(actor) === userId;
      const verdict = judgeRemoval(actorRole, target.role, self);
      if (verdict === 'owner')
        throw conflict(
          'The owner cannot be removed; transfer ownership first',
          'owner_cannot_be_removed',
        );
      if (verdict === 'refused')
        throw forbidden('Only account owners and admins can remove members');

      const teams = await tx.teamMember.findMany({
        where: { userId, team: { accountId } },
        select: { teamId: true },
      });
      await tx.teamMember.deleteMany({ where: { userId, team: { accountId } } });
      await tx.membership.delete({ where: { accountId_userId: { accountId, userId } } });
      for (const { teamId } of teams) {
        events.record(
          new TeamMemberRemoved({
            actor,
            accountId,
            teamId,
            subject: { type: 'team', id: teamId },
            payload: { userId },
          }),
        );
      }
      events.record(
        new MemberRemoved({
          actor,
          accountId,
          subject: { type: 'account', id: accountId },
          payload: { userId, role: target.role, left: self },
        }),
      );
    });
  }
}
