import { Command } from '@nestjs/cqrs';
import type { CommentView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const unlikeCommentInput = z.object({ commentId: idSchema });

export class UnlikeCommentCommand extends Command<CommentView> {
  readonly input: z.infer<typeof unlikeCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(unlikeCommentInput, input);
  }
}
