import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateToken, hashToken } from '@dailies/auth';
import { newId } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { ApiTokenCreated } from '../../../events';
import { ApiTokenView, toApiTokenView } from '../../views/api-token.view';
import { CreateApiTokenCommand } from './create-api-token.command';

/** A personal API token; the secret is returned once and only its digest is kept. */
@CommandHandler(CreateApiTokenCommand)
export class CreateApiTokenHandler implements ICommandHandler<
  CreateApiTokenCommand,
  ApiTokenView & { token: string }
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: CreateApiTokenCommand) {
    if (actor.apiTokenId)
      throw forbidden('API tokens cannot create API tokens; log in with a password');
    const token = generateToken('pat');
    return this.uow.run(async (tx, events) => {
      const row = await tx.apiToken.create({
        data: {
          id: newId(),
          userId: actor.id,
          name: input.name,
          tokenHash: hashToken(token),
          scope: input.scope,
          expiresAt: input.expiresAt ?? null,
        },
      });
      events.record(
        new ApiTokenCreated({
          actor,
          subject: { type: 'api_token', id: row.id },
          payload: { name: row.name },
        }),
      );
      return { ...toApiTokenView(row), token };
    });
  }
}
