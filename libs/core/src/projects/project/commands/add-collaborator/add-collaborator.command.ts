import { Command } from '@nestjs/cqrs';
import type { CollaboratorView } from '../../views/collaborator.view';
import type { InvitationView } from '../../../../accounts/invitation';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { emailSchema, idSchema, validate } from '../../../../shared/validate';

export const collaboratorRoleSchema = z.enum(['editor', 'reviewer', 'viewer']);

/** The person is named by `userId` (members of the account) or by `email`: exactly one. */
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

/**
 * `added`: a verified member of the project's account, given the role at once. `invited`: anyone
 * else named by email gets an invitation to accept — the same answer whether or not the address
 * has a Dailies login.
 */
export type AddCollaboratorResult =
  | { outcome: 'added'; collaborator: CollaboratorView }
  | { outcome: 'invited'; invitation: InvitationView };

export class AddCollaboratorCommand extends Command<AddCollaboratorResult> {
  readonly input: z.infer<typeof addCollaboratorInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(addCollaboratorInput, input);
  }
}
