import { Command } from '@nestjs/cqrs';
import type { ApiTokenView } from '../../views/api-token.view';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { nameSchema, validate } from '../../../../shared/validate';

export const createApiTokenInput = z.object({
  name: nameSchema,
  /** read: GET only (every transport answers its writes with 403); write: everything. */
  scope: z.enum(['read', 'write']).default('write'),
  /** When the token stops working; absent: until revoked. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 time such as 2030-01-31T18:00:00Z' })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() > Date.now(), 'must be in the future')
    .optional(),
});

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
