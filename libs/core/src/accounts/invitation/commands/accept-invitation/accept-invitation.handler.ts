import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashToken } from '@dailies/auth';
import type { Account, Invitation, Tx } from '@dailies/db';
import { EventRecorder, UnitOfWork, UserActor } from '@dailies/events';
import { CollaboratorAdded } from '../../../../projects/events';
import { conflict, DomainError, forbidden, notFound } from '../../../../shared/errors';
import { InvitationAccepted, MemberAdded, TeamMemberAdded } from '../../../events';
import { AccountView, toAccountView } from '../../../account';
import { invitationStatus } from '../../views/invitation.view';
import { AcceptInvitationCommand } from './accept-invitation.command';

/**
 * The invited user (logged in with the invited, verified email) joins the account, and the team
 * if the invitation names one — or, for a project invitation, only that project. An invitation works once, until it expires or is revoked.
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
      // Whoever typed an address at sign-up does not own it until the verification link came
      // back: an unverified login cannot take an invitation meant for the address's owner.
      if (!user.emailConfirmed) {
        throw new DomainError(
          'forbidden',
          'Verify your e-mail address first (POST /v2/auth/resend-verification sends a new link)',
          { featureCode: 'email_unverified' },
        );
      }
      if (invitation.projectId && invitation.projectRole) {
        const project = { id: invitation.projectId, role: invitation.projectRole };
        return this.joinProject(tx, events, actor, invitation, user.id, project);
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

  /**
   * A project invitation: the user becomes a collaborator with the invited role (no account
   * membership). Already a collaborator: the invitation is spent and the role left as it is.
   */
  private async joinProject(
    tx: Tx,
    events: EventRecorder,
    actor: UserActor,
    invitation: Invitation & { account: Account },
    userId: string,
    invited: { id: string; role: 'editor' | 'reviewer' | 'viewer' },
  ): Promise<AccountView> {
    const projectRole = invited.role;
    const project = await tx.project.findUniqueOrThrow({ where: { id: invited.id } });
    const added = await tx.projectCollaborator.createMany({
      data: [
        { projectId: project.id, userId, role: projectRole, addedById: invitation.invitedById },
      ],
      skipDuplicates: true,
    });
    const scope = { actor, accountId: invitation.accountId, teamId: project.teamId };
    if (added.count > 0) {
      events.record(
        new CollaboratorAdded({
          ...scope,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { userId, role: projectRole },
        }),
      );
    }
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: new Date(), acceptedById: userId },
    });
    events.record(
      new InvitationAccepted({
        ...scope,
        projectId: project.id,
        subject: { type: 'invitation', id: invitation.id },
        payload: { userId, email: invitation.email, role: 'member', teamId: null },
      }),
    );
    const membership = await tx.membership.findUnique({
      where: { accountId_userId: { accountId: invitation.accountId, userId } },
    });
    return toAccountView(invitation.account, membership?.role);
  }
}
