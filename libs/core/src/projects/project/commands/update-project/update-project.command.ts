import { Command } from '@nestjs/cqrs';
import type { ProjectView } from '../../views/project.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';

export const updateProjectInput = z
  .object({
    projectId: idSchema,
    name: nameSchema.optional(),
    private: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .strict();

export class UpdateProjectCommand extends Command<ProjectView> {
  readonly input: z.infer<typeof updateProjectInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(updateProjectInput, input);
  }
}
