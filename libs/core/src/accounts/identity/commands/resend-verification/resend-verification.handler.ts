import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { Actor, UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict, DomainError, forbidden, notFound } from '../../../../shared/errors';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { accountIdsOfUser } from '../../../../staff/rules/accounts-of-user';
import { requireReasonOfStaff } from '../../../../staff/rules/staff-policy';
import { EmailVerificationSent } from '../../identity.events';
import { issueUserToken, LINK_WINDOW_MS, mayIssueUserToken } from '../../rules/user-tokens';
import { ResendVerificationCommand } from './resend-verification.command';

/**
 * A new verification link by e-mail (at most LINKS_PER_WINDOW per window, whoever asks: support
 * cannot flood a customer's inbox either). Recorded in each of the user's accounts' audit logs.
 */
@CommandHandler(ResendVerificationCommand)
export class ResendVerificationHandler implements ICommandHandler<ResendVerificationCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ actor, input }: ResendVerificationCommand): Promise<void> {
    const userId = targetUserId(actor, input);
    await this.uow.run(async (tx, events) => {
      // Locks the user row: parallel resends are counted one after the other.
      const [user] = isUuid(userId)
        ? await tx.$queryRaw<
            { id: string; email: string; name: string; email_confirmed: boolean }[]
          >`
            SELECT id, email, name, email_confirmed FROM users WHERE id = ${userId}::uuid FOR UPDATE`
        : [];
      if (!user) {
        if (actor.type === 'staff') throw notFound('User');
        throw new DomainError('unauthenticated', 'Authentication required');
      }
      if (user.email_confirmed)
        throw conflict('This e-mail address is already verified', 'email_already_verified');
      if (!(await mayIssueUserToken(tx, user.id, 'email_verification'))) {
        throw new DomainError('rate_limited', 'Too many verification e-mails; try again later', {
          retryAfterSeconds: LINK_WINDOW_MS / 1000,
        });
      }
      const link = await issueUserToken(
        tx,
        user,
        'email_verification',
        this.options.emailVerificationTtlHours * 3_600_000,
      );
      await this.mail.emailVerification(tx, user, link.id, link.token);
      for (const accountId of await accountIdsOfUser(tx, user.id))
        events.record(
          new EmailVerificationSent({
            actor,
            accountId,
            subject: { type: 'user', id: user.id },
            payload: { email: user.email },
          }),
        );
    });
  }
}

/** The user asks for their own link; staff name the user (and give a reason). */
function targetUserId(actor: Actor, input: ResendVerificationCommand['input']): string {
  if (actor.type === 'user') {
    if (input && input.userId !== actor.id) throw forbidden('You can only verify your own address');
    return actor.id;
  }
  if (actor.type === 'staff' && input) {
    requireReasonOfStaff(actor);
    return input.userId;
  }
  throw forbidden('Only the user or Dailies support can ask for a verification e-mail');
}
