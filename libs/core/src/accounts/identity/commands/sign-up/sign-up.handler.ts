import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { newId, Tx } from '@dailies/db';
import { Actor, EventRecorder, UnitOfWork } from '@dailies/events';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { isUniqueViolation } from '../../../../shared/prisma-errors';
import {
  AccountCreated,
  MemberAdded,
  TeamCreated,
  TeamMemberAdded,
  UserSignedUp,
} from '../../../events';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { issueUserToken } from '../../rules/user-tokens';
import { SignUpCommand, SignUpInput } from './sign-up.command';

/**
 * The same for a new and a taken address: the caller cannot tell which it was. They sign in
 * with their password (LogInCommand) once they have it; the mail says the rest.
 */
export interface SignUpResult {
  status: 'accepted';
}

const ACCEPTED: SignUpResult = { status: 'accepted' };

/**
 * A new user gets an account they own and a default team; a link to verify the address goes out
 * by e-mail. For an address that already has a user nothing is created, and its owner is told
 * by e-mail that someone tried (with a way to sign in or reset the password) — so sign-up does
 * not reveal whether an address has an account. The password is hashed in both cases, so both
 * take about the same time.
 */
@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand, SignUpResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ input }: SignUpCommand): Promise<SignUpResult> {
    const passwordHash = await hashPassword(input.password);
    try {
      await this.uow.run(async (tx, events) => {
        const taken = await tx.user.findUnique({
          where: { email: input.email },
          select: { id: true, email: true, name: true },
        });
        if (taken) return this.mail.signUpAttempt(tx, taken);
        await this.createUser(tx, events, input, passwordHash);
      });
    } catch (error) {
      // A parallel sign-up with the same address won: this one is the "taken" case.
      if (!isUniqueViolation(error)) throw error;
      await this.uow.run(async (tx) => {
        const taken = await tx.user.findUnique({
          where: { email: input.email },
          select: { id: true, email: true, name: true },
        });
        if (taken) await this.mail.signUpAttempt(tx, taken);
      });
    }
    return ACCEPTED;
  }

  private async createUser(
    tx: Tx,
    events: EventRecorder,
    input: SignUpInput,
    passwordHash: string,
  ): Promise<void> {
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
  }
}
