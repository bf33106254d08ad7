import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const unlikeCommentInput = z.object({ commentId: idSchema });

export class UnlikeCommentCommand {
  readonly input: z.infer<typeof unlikeCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(unlikeCommentInput, input);
  }
}
