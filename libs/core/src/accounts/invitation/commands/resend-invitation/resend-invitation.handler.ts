import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateToken, hashToken } from '@dailies/auth';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict, notFound } from '../../../../shared/errors';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { requireReasonOfStaff } from '../../../../staff/rules/staff-policy';
import { AccountPolicy } from '../../../account';
import { InvitationResent } from '../../invitation.events';
import { ResendInvitationCommand } from './resend-invitation.command';

/**
 * Only the token's digest is stored, so "again" means a new token: the row gets the new digest
 * and expiry, the old link stops working, and the mail (keyed by the new digest, so a retried
 * transaction still sends one) carries the new link.
 */
@CommandHandler(ResendInvitationCommand)
export class ResendInvitationHandler implements ICommandHandler<ResendInvitationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ actor, input }: ResendInvitationCommand) {
    requireReasonOfStaff(actor);
    return this.uow.run(async (tx, events) => {
      const [found] = isUuid(input.invitationId)
        ? await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM invitations WHERE id = ${input.invitationId}::uuid FOR UPDATE`
        : [];
      const invitation = found
        ? await tx.invitation.findUnique({
            where: { id: found.id },
            include: { invitedBy: { select: { name: true } }, account: true, project: true },
          })
        : null;
      if (!invitation) throw notFound('Invitation');
      await this.policy.requireManager(tx, actor, invitation.accountId, 'Invitation');
      if (invitation.acceptedAt)
        throw conflict('This invitation was already accepted', 'invitation_accepted');
      if (invitation.revokedAt)
        throw conflict('This invitation was revoked; invite again instead', 'invitation_revoked');
      const token = generateToken('inv');
      const tokenHash = hashToken(token);
      const updated = await tx.invitation.update({
        where: { id: invitation.id },
        data: {
          tokenHash,
          expiresAt: new Date(Date.now() + this.options.invitationTtlDays * 86_400_000),
        },
      });
      events.record(
        new InvitationResent({
          actor,
          accountId: updated.accountId,
          teamId: updated.teamId,
          projectId: updated.projectId,
          subject: { type: 'invitation', id: updated.id },
          payload: { email: updated.email, expiresAt: updated.expiresAt.toISOString() },
        }),
      );
      await this.mail.invitation(
        tx,
        updated,
        token,
        {
          inviterName: invitation.invitedBy.name,
          accountName: invitation.project?.name ?? invitation.account.name,
        },
        tokenHash,
      );
      return { invitationId: updated.id, expiresAt: updated.expiresAt };
    });
  }
}
