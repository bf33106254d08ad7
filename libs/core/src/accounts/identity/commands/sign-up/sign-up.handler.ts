import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { newId } from '@dailies/db';
import { Actor, UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict } from '../../../../shared/errors';
import { isUniqueViolation } from '../../../../shared/prisma-errors';
import {
  AccountCreated,
  MemberAdded,
  TeamCreated,
  TeamMemberAdded,
  UserSignedUp,
} from '../../../events';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { IssuedSession, SessionIssuer } from '../../rules/session-issuer';
import { issueUserToken } from '../../rules/user-tokens';
import { toUserView, UserView } from '../../../account';
import { SignUpCommand } from './sign-up.command';

export interface SignUpResult extends IssuedSession {
  user: UserView;
  accountId: string;
  teamId: string;
}

/**
 * A new user gets an account they own and a default team, and is logged in; a link to verify the
 * address goes out by e-mail.
 */
@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand, SignUpResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionIssuer,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ input }: SignUpCommand): Promise<SignUpResult> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.uow.run(async (tx, events) => {
        if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
          throw conflict('An account with this email already exists', 'email_taken');
        }
        const userId = newId();
        const accountId = newId();
        const teamId = newId();
        const user = await tx.user.create({
          data: {
            id: userId,
            email: input.email,
            name: input.name,
            passwordHash,
            timezone: input.timezone ?? 'UTC',
          },
        });
        const accountName = input.accountName ?? `${input.name}'s account`;
        await tx.account.create({
          data: {
            id: accountId,
            name: accountName,
            storageLimitBytes: BigInt(this.options.defaultStorageLimitBytes),
          },
        });
        await tx.membership.create({ data: { accountId, userId, role: 'owner' } });
        await tx.team.create({ data: { id: teamId, accountId, name: 'General' } });
        await tx.teamMember.create({ data: { teamId, userId } });

        const actor: Actor = { type: 'user', id: userId };
        const scope = { actor, accountId };
        events.record(
          new UserSignedUp({
            ...scope,
            subject: { type: 'user', id: userId },
            payload: { email: input.email, name: input.name, accountId },
          }),
          new AccountCreated({
            ...scope,
            subject: { type: 'account', id: accountId },
            payload: { name: accountName, plan: 'free', ownerId: userId },
          }),
          new MemberAdded({
            ...scope,
            subject: { type: 'account', id: accountId },
            payload: { userId, role: 'owner', via: 'sign_up' },
          }),
          new TeamCreated({
            ...scope,
            teamId,
            subject: { type: 'team', id: teamId },
            payload: { name: 'General' },
          }),
          new TeamMemberAdded({
            ...scope,
            teamId,
            subject: { type: 'team', id: teamId },
            payload: { userId },
          }),
        );
        // The address is unverified until the mailed link comes back (VerifyEmailCommand).
        const link = await issueUserToken(
          tx,
          user,
          'email_verification',
          this.options.emailVerificationTtlHours * 3_600_000,
        );
        await this.mail.emailVerification(tx, user, link.id, link.token);
        const session = await this.sessions.issue(tx, userId);
        return { ...session, user: toUserView(user), accountId, teamId };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('An account with this email already exists', 'email_taken');
      throw error;
    }
  }
}
