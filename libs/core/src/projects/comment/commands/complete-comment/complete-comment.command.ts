import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const completeCommentInput = z.object({ commentId: idSchema });

export class CompleteCommentCommand {
  readonly input: z.infer<typeof completeCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(completeCommentInput, input);
  }
}
