import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../views/account.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';

export const updateAccountInput = z
  .object({
    accountId: idSchema,
    name: nameSchema.optional(),
    plan: z.enum(['free', 'pro', 'team', 'enterprise']).optional(),
    storageLimitBytes: z.number().int().positive().optional(),
  })
  .strict();

export class UpdateAccountCommand extends Command<AccountView> {
  readonly input: z.infer<typeof updateAccountInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(updateAccountInput, input);
  }
}
