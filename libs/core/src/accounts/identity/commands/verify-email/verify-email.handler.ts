import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { DomainError } from '../../../../shared/errors';
import { spendUserToken } from '../../rules/user-tokens';
import { VerifyEmailCommand, VerifyEmailResult } from './verify-email.command';

/** One answer for every unusable link: unknown, used, expired or for a former address. */
export const invalidLink = () =>
  new DomainError('validation_failed', 'This link is invalid, expired or already used', {
    fieldErrors: [{ field: 'token', message: 'is invalid, expired or already used' }],
    featureCode: 'token_invalid',
  });

/** Marks the address verified (users.email_confirmed); the link works once. */
@CommandHandler(VerifyEmailCommand)
export class VerifyEmailHandler implements ICommandHandler<VerifyEmailCommand, VerifyEmailResult> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ input }: VerifyEmailCommand): Promise<VerifyEmailResult> {
    return this.uow.run(async (tx) => {
      const spent = await spendUserToken(tx, input.token, 'email_verification');
      if (!spent) throw invalidLink();
      await tx.user.update({ where: { id: spent.userId }, data: { emailConfirmed: true } });
      return { verified: true as const };
    });
  }
}
