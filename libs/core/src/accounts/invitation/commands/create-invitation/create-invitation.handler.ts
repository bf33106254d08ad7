import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { invite } from '../../rules/invite';
import { conflict, forbidden, validationFailed } from '../../../../shared/errors';
import { AccountPolicy } from '../../../account';
import { InvitationView, toInvitationView } from '../../views/invitation.view';
import { CreateInvitationCommand } from './create-invitation.command';

/**
 * Invites an email to the account (optionally into a team). The link goes out by e-mail; the
 * token is also returned once, to be shared by the inviter; only its digest is stored.
 */
@CommandHandler(CreateInvitationCommand)
export class CreateInvitationHandler implements ICommandHandler<
  CreateInvitationCommand,
  InvitationView & { token: string }
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ actor, input }: CreateInvitationCommand) {
    const inviterId = actorUserId(actor);
    if (!inviterId) throw forbidden('Only users can invite');
    return this.uow.run(async (tx, events) => {
      await this.policy.requireManager(tx, actor, input.accountId);
      if (input.teamId) {
        const team = isUuid(input.teamId)
          ? await tx.team.findUnique({ where: { id: input.teamId } })
          : null;
        if (!team || team.accountId !== input.accountId) {
          throw validationFailed([{ field: 'teamId', message: 'is not a team of this account' }]);
        }
      }
      const alreadyMember = await tx.membership.findFirst({
        where: { accountId: input.accountId, user: { email: input.email } },
        select: { userId: true },
      });
      if (alreadyMember)
        throw conflict(`${input.email} is already a member of this account`, 'already_member');
      const { invitation, token } = await invite(tx, events, this.mail, actor, {
        accountId: input.accountId,
        email: input.email,
        role: input.role,
        teamId: input.teamId ?? null,
        inviterId,
        ttlDays: this.options.invitationTtlDays,
      });
      return { ...toInvitationView(invitation), token };
    });
  }
}
