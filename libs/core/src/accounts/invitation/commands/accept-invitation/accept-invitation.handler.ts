import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashToken } from '@dailies/auth';
import { UnitOfWork } from '@dailies/events';
import { conflict, DomainError, forbidden, notFound } from '../../../../shared/errors';
import { InvitationAccepted, MemberAdded, TeamMemberAdded } from '../../../events';
import { AccountView, toAccountView } from '../../../account';
import { invitationStatus } from '../../views/invitation.view';
import { AcceptInvitationCommand } from './accept-invitation.command';

/**
 * The invited user (logged in with the invited email) joins the account, and the team if the
 * invitation names one. An invitation works once, until it expires or is revoked.
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<
  AcceptInvitationCommand,
  AccountView
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: AcceptInvitationCommand): Promise<AccountView> {
    const tokenHash = hashToken(input.token);
    return this.uow.run(async (tx, events) => {
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM invitations WHERE token_hash = ${tokenHash} FOR UPDATE`;
      if (locked.length === 0) throw notFound('Invitation');
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { id: locked[0].id },
        include: { account: true },
      });
      const status = invitationStatus(invitation);
      if (status === 'accepted')
        throw conflict('This invitation has already been used', 'invitation_used');
      if (status === 'revoked') throw conflict('This invitation was revoked', 'invitation_revoked');
      if (status === 'expired')
        throw new DomainError('gone', 'This invitation has expired; ask for a new one', {
          featureCode: 'invitation_expired',
        });
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
      if (user.email !== invitation.email) {
        throw forbidden(
          'This invitation was sent to another email address; log in as that user to accept it',
        );
      }
      const role = invitation.role === 'admin' ? 'admin' : 'member';
      const scope = { actor, accountId: invitation.accountId };
      const existing = await tx.membership.findUnique({
        where: { accountId_userId: { accountId: invitation.accountId, userId: user.id } },
      });
      if (!existing) {
        await tx.membership.create({
          data: { accountId: invitation.accountId, userId: user.id, role },
        });
        events.record(
          new MemberAdded({
            ...scope,
            subject: { type: 'account', id: invitation.accountId },
            payload: { userId: user.id, role, via: 'invitation' },
          }),
        );
      }
      if (invitation.teamId) {
        const added = await tx.teamMember.createMany({
          data: [{ teamId: invitation.teamId, userId: user.id }],
          skipDuplicates: true,
        });
        if (added.count > 0) {
          events.record(
            new TeamMemberAdded({
              ...scope,
              teamId: invitation.teamId,
              subject: { type: 'team', id: invitation.teamId },
              payload: { userId: user.id },
            }),
          );
        }
      }
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { acceptedAt: new Date(), acceptedById: user.id },
      });
      events.record(
        new InvitationAccepted({
          ...scope,
          teamId: invitation.teamId,
          subject: { type: 'invitation', id: invitation.id },
          payload: { userId: user.id, email: user.email, role, teamId: invitation.teamId },
        }),
      );
      return toAccountView(invitation.account, existing?.role ?? role);
    });
  }
}
