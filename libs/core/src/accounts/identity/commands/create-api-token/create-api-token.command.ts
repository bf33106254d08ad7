import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { nameSchema, validate } from '../../../../shared/validate';

export const createApiTokenInput = z.object({ name: nameSchema });

export class CreateApiTokenCommand {
  readonly input: z.infer<typeof createApiTokenInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    this.input = validate(createApiTokenInput, input);
  }
}
