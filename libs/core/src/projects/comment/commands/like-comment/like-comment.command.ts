import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const likeCommentInput = z.object({ commentId: idSchema });

export class LikeCommentCommand {
  readonly input: z.infer<typeof likeCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(likeCommentInput, input);
  }
}
