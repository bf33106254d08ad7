import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const removeCollaboratorInput = z.object({ projectId: idSchema, userId: idSchema });

export class RemoveCollaboratorCommand extends Command<void> {
  readonly input: z.infer<typeof removeCollaboratorInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(removeCollaboratorInput, input);
  }
}
