import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { issueUserToken, mayIssueUserToken } from '../../rules/user-tokens';
import { RequestPasswordResetCommand } from './request-password-reset.command';

/**
 * Mails a reset link to an active user with this address. Unknown addresses, locked users and
 * requests over the per-user limit (LINKS_PER_WINDOW) end the same way as a sent link: the caller
 * gets the same answer in every case, so the route cannot tell who has an account.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<
  RequestPasswordResetCommand,
  void
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ input }: RequestPasswordResetCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      // Locks the user row: parallel requests are counted one after the other.
      const [user] = await tx.$queryRaw<
        { id: string; email: string; name: string; status: string }[]
      >`SELECT id, email, name, status::text FROM users WHERE email = ${input.email} FOR UPDATE`;
      if (!user || user.status !== 'active') return;
      if (!(await mayIssueUserToken(tx, user.id, 'password_reset'))) return;
      const link = await issueUserToken(
        tx,
        user,
        'password_reset',
        this.options.passwordResetTtlMinutes * 60_000,
      );
      await this.mail.passwordReset(tx, user, link.id, link.token);
    });
  }
}
