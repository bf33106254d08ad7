import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateToken, hashToken } from '@dailies/auth';
import { isUuid, newId } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict, forbidden, validationFailed } from '../../../../shared/errors';
import { InvitationCreated } from '../../../events';
import { AccountPolicy } from '../../../account';
import { InvitationView, toInvitationView } from '../../views/invitation.view';
import { CreateInvitationCommand } from './create-invitation.command';

/**
 * Invites an email to the account (optionally into a team). The token is returned once, to be
 * shared by the inviter or sent by email later; only its digest is stored.
 */
@CommandHandler(CreateInvitationCommand)
export class CreateInvitationHandler implements ICommandHandler<
  CreateInvitationCommand,
  InvitationView & { token: string }
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ actor, input }: CreateInvitationCommand) {
    const inviterId = actorUserId(actor);
    if (!inviterId) throw forbidden('Only users can invite');
    const token = generateToken('inv');
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
      const invitation = await tx.invitation.create({
        data: {
          id: newId(),
          accountId: input.accountId,
          teamId: input.teamId ?? null,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedById: inviterId,
          expiresAt: new Date(Date.now() + this.options.invitationTtlDays * 86_400_000),
        },
      });
      events.record(
        new InvitationCreated({
          actor,
          accountId: invitation.accountId,
          teamId: invitation.teamId,
          subject: { type: 'invitation', id: invitation.id },
          payload: {
            email: invitation.email,
            role: input.role,
            teamId: invitation.teamId,
            expiresAt: invitation.expiresAt.toISOString(),
          },
        }),
      );
      return { ...toInvitationView(invitation), token };
    });
  }
}
