import { Command } from '@nestjs/cqrs';
import type { CollaboratorView } from '../../views/collaborator.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { collaboratorRoleSchema } from '../add-collaborator/add-collaborator.command';

export const changeCollaboratorRoleInput = z
  .object({ projectId: idSchema, userId: idSchema, role: collaboratorRoleSchema })
  .strict();

export class ChangeCollaboratorRoleCommand extends Command<CollaboratorView> {
  readonly input: z.infer<typeof changeCollaboratorRoleInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(changeCollaboratorRoleInput, input);
  }
}
