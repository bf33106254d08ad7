import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { conflict, forbidden, notFound } from '../../../../shared/errors';
import { MemberRoleChanged, OwnershipTransferred } from '../../../events';
import { judgeRoleChange } from '../../policy/account-rules';
import { AccountPolicy } from '../../policy/account-policy';
import { MemberView, toMemberView } from '../../views/member.view';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<
  ChangeMemberRoleCommand,
  MemberView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: ChangeMemberRoleCommand): Promise<MemberView> {
    const { accountId, userId, role } = input;
    return this.uow.run(async (tx, events) => {
      const actorRole = await this.policy.requireMember(tx, actor, accountId);
      // Serialise role changes per account: exactly one owner at every commit.
      await tx.$queryRaw`SELECT id FROM accounts WHERE id = ${accountId}::uuid FOR UPDATE`;
      const target = isUuid(userId)
        ? await tx.membership.findUnique({ where: { accountId_userId: { accountId, userId } } })
        : null;
      if (!target) throw notFound('Member');
      if (target.role === role) {
        return toMemberView(
          await tx.membership.findUniqueOrThrow({
            where: { accountId_userId: { accountId, userId } },
            include: { user: true },
          }),
        );
      }
      const verdict = judgeRoleChange(actorRole, target.role, role);
      if (typeof verdict === 'object') throw forbidden(verdict.refused);
      const scope = { actor, accountId, subject: { type: 'account', id: accountId } };
      if (verdict === 'transfer_ownership') {
        const owner = await tx.membership.findFirst({ where: { accountId, role: 'owner' } });
        if (!owner) throw conflict('This account has no owner to transfer from', 'no_owner');
        await tx.membership.update({
          where: { accountId_userId: { accountId, userId: owner.userId } },
          data: { role: 'admin' },
        });
        await tx.membership.update({
          where: { accountId_userId: { accountId, userId } },
          data: { role: 'owner' },
        });
        events.record(
          new OwnershipTransferred({
            ...scope,
            payload: { fromUserId: owner.userId, toUserId: userId },
          }),
          new MemberRoleChanged({
            ...scope,
            payload: { userId: owner.userId, from: 'owner', to: 'admin' },
          }),
          new MemberRoleChanged({ ...scope, payload: { userId, from: target.role, to: 'owner' } }),
        );
      } else {
        await tx.membership.update({
          where: { accountId_userId: { accountId, userId } },
          data: { role },
        });
        events.record(
          new MemberRoleChanged({ ...scope, payload: { userId, from: target.role, to: role } }),
        );
      }
      const updated = await tx.membership.findUniqueOrThrow({
        where: { accountId_userId: { accountId, userId } },
        include: { user: true },
      });
      return toMemberView(updated);
    });
  }
}
