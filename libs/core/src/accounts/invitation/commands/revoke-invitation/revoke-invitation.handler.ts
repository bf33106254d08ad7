import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { InvitationRevoked } from '../../../events';
import { AccountPolicy } from '../../../account';
import { RevokeInvitationCommand } from './revoke-invitation.command';

@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitationCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: RevokeInvitationCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const invitation = isUuid(input.invitationId)
        ? await tx.invitation.findUnique({ where: { id: input.invitationId } })
        : null;
      if (!invitation) throw notFound('Invitation');
      await this.policy.requireManager(tx, actor, invitation.accountId, 'Invitation');
      if (invitation.acceptedAt)
        throw conflict('This invitation was already accepted', 'invitation_accepted');
      if (invitation.revokedAt) return;
      await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
      events.record(
        new InvitationRevoked({
          actor,
          accountId: invitation.accountId,
          subject: { type: 'invitation', id: invitation.id },
          payload: { email: invitation.email },
        }),
      );
    });
  }
}
