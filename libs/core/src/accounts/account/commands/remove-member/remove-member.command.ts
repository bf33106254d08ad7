import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export class RemoveMemberCommand extends Command<void> {
  readonly input: { accountId: string; userId: string };
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(z.object({ accountId: idSchema, userId: idSchema }), input);
  }
}
