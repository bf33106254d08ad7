import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict, DomainError } from '../../../../shared/errors';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { issueUserToken, LINK_WINDOW_MS, mayIssueUserToken } from '../../rules/user-tokens';
import { ResendVerificationCommand } from './resend-verification.command';

/** A new verification link by e-mail (at most LINKS_PER_WINDOW per window). */
@CommandHandler(ResendVerificationCommand)
export class ResendVerificationHandler implements ICommandHandler<ResendVerificationCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ actor }: ResendVerificationCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      // Locks the user row: parallel resends are counted one after the other.
      const [user] = await tx.$queryRaw<
        { id: string; email: string; name: string; email_confirmed: boolean }[]
      >`SELECT id, email, name, email_confirmed FROM users WHERE id = ${actor.id}::uuid FOR UPDATE`;
      if (!user) throw new DomainError('unauthenticated', 'Authentication required');
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
    });
  }
}
