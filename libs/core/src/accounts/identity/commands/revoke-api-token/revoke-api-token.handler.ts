import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { notFound } from '../../../../shared/errors';
import { ApiTokenRevoked } from '../../../events';
import { RevokeApiTokenCommand } from './revoke-api-token.command';

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: RevokeApiTokenCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const token = isUuid(input.tokenId)
        ? await tx.apiToken.findUnique({ where: { id: input.tokenId } })
        : null;
      if (!token || token.userId !== actor.id || token.revokedAt) throw notFound('API token');
      await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
      events.record(
        new ApiTokenRevoked({
          actor,
          subject: { type: 'api_token', id: token.id },
          payload: { name: token.name },
        }),
      );
    });
  }
}
