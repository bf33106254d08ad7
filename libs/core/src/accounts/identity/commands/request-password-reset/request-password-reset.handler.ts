import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict, DomainError, forbidden, notFound } from '../../../../shared/errors';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { accountIdsOfUser } from '../../../../staff/rules/accounts-of-user';
import { requireReasonOfStaff } from '../../../../staff/rules/staff-policy';
import { PasswordResetLinkSent } from '../../identity.events';
import { issueUserToken, LINK_WINDOW_MS, mayIssueUserToken } from '../../rules/user-tokens';
import { RequestPasswordResetCommand } from './request-password-reset.command';

/**
 * Mails a reset link to an active user with this address. Unknown addresses, locked users and
 * requests over the per-user limit (LINKS_PER_WINDOW) end the same way as a sent link: the caller
 * gets the same answer in every case, so the route cannot tell who has an account.
 *
 * Support staff (a staff actor with a reason) get plain answers instead — they see the user
 * anyway — and the link goes to the address on file, never to them: a link support could read
 * would let support take over the account. Their sending is recorded in the user's accounts'
 * audit logs.
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

  async execute({ input, actor }: RequestPasswordResetCommand): Promise<void> {
    const staff = staffSender(actor);
    await this.uow.run(async (tx, events) => {
      // Locks the user row: parallel requests are counted one after the other.
      const [user] = await tx.$queryRaw<
        { id: string; email: string; name: string; status: string }[]
      >`SELECT id, email, name, status::text FROM users WHERE email = ${input.email} FOR UPDATE`;
      if (staff) {
        if (!user) throw notFound('User');
        if (user.status !== 'active')
          throw conflict('This user is locked: unlock them first', 'user_locked');
        if (!(await mayIssueUserToken(tx, user.id, 'password_reset')))
          throw new DomainError('rate_limited', 'Too many reset links; try again later', {
            retryAfterSeconds: LINK_WINDOW_MS / 1000,
          });
      } else {
        if (!user || user.status !== 'active') return;
        if (!(await mayIssueUserToken(tx, user.id, 'password_reset'))) return;
      }
      const link = await issueUserToken(
        tx,
        user,
        'password_reset',
        this.options.passwordResetTtlMinutes * 60_000,
      );
      await this.mail.passwordReset(tx, user, link.id, link.token);
      if (staff)
        for (const accountId of await accountIdsOfUser(tx, user.id))
          events.record(
            new PasswordResetLinkSent({
              actor: staff,
              accountId,
              subject: { type: 'user', id: user.id },
              payload: { email: user.email },
            }),
          );
    });
  }
}

/** No actor: the public route. A staff actor must give a reason; nobody else sends for others. */
function staffSender(actor: Actor | null): Actor | null {
  if (actor === null) return null;
  if (actor.type !== 'staff') throw forbidden('Only Dailies support can send a reset link');
  requireReasonOfStaff(actor);
  return actor;
}
