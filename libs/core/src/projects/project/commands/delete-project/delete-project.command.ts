import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const deleteProjectInput = z.object({ projectId: idSchema });

export class DeleteProjectCommand extends Command<void> {
  readonly input: z.infer<typeof deleteProjectInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(deleteProjectInput, input);
  }
}
