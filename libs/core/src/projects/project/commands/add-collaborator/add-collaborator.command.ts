import { Command } from '@nestjs/cqrs';
import type { CollaboratorView } from '../../views/collaborator.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { emailSchema, idSchema, validate } from '../../../../shared/validate';

export const collaboratorRoleSchema = z.enum(['editor', 'reviewer', 'viewer']);

/** The user is named by `userId` or by `email`: exactly one of the two. */
export const addCollaboratorInput = z
  .object({
    projectId: idSchema,
    userId: idSchema.optional(),
    email: emailSchema.optional(),
    role: collaboratorRoleSchema,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.userId === undefined && input.email === undefined) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'give userId or email' });
    } else if (input.userId !== undefined && input.email !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'give userId or email, not both' });
    }
  });

export class AddCollaboratorCommand extends Command<CollaboratorView> {
  readonly input: z.infer<typeof addCollaboratorInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(addCollaboratorInput, input);
  }
}
