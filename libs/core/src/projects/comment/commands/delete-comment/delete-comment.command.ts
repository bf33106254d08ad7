import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const deleteCommentInput = z.object({ commentId: idSchema });

export class DeleteCommentCommand {
  readonly input: z.infer<typeof deleteCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(deleteCommentInput, input);
  }
}
