import { Command } from '@nestjs/cqrs';
import type { ProjectView } from '../../views/project.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';

export const createProjectInput = z
  .object({ teamId: idSchema, name: nameSchema, private: z.boolean().default(false) })
  .strict();

export class CreateProjectCommand extends Command<ProjectView> {
  readonly input: z.infer<typeof createProjectInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createProjectInput, input);
  }
}
