import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const removeCollaboratorInput = z.object({ projectId: idSchema, userId: idSchema });

export class RemoveCollaboratorCommand {
  readonly input: z.infer<typeof removeCollaboratorInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(removeCollaboratorInput, input);
  }
}
