import { Command } from '@nestjs/cqrs';
import type { CommentView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const completeCommentInput = z.object({ commentId: idSchema });

export class CompleteCommentCommand extends Command<CommentView> {
  readonly input: z.infer<typeof completeCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(completeCommentInput, input);
  }
}
