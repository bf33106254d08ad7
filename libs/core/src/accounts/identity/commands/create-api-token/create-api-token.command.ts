import { Command } from '@nestjs/cqrs';
import type { ApiTokenView } from '../../views/api-token.view';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { nameSchema, validate } from '../../../../shared/validate';

export const createApiTokenInput = z.object({ name: nameSchema });

export class CreateApiTokenCommand extends Command<ApiTokenView & { token: string }> {
  readonly input: z.infer<typeof createApiTokenInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    super();
    this.input = validate(createApiTokenInput, input);
  }
}
