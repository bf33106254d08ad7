import { Command } from '@nestjs/cqrs';
import type { CommentView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const likeCommentInput = z.object({ commentId: idSchema });

export class LikeCommentCommand extends Command<CommentView> {
  readonly input: z.infer<typeof likeCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(likeCommentInput, input);
  }
}
