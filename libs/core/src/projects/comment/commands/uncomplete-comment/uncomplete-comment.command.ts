import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const uncompleteCommentInput = z.object({ commentId: idSchema });

export class UncompleteCommentCommand {
  readonly input: z.infer<typeof uncompleteCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(uncompleteCommentInput, input);
  }
}
