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

export class UpdateProjectCommand {
  readonly input: z.infer<typeof updateProjectInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(updateProjectInput, input);
  }
}
