import { Command } from '@nestjs/cqrs';
import type { CommentView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import {
  annotationSchema,
  commentTextSchema,
  durationFramesSchema,
  frameSchema,
} from '../../rules/comment-input';

/** Only what is sent changes; null removes a timestamp, duration or annotation. */
export const updateCommentInput = z
  .object({
    commentId: idSchema,
    text: commentTextSchema.optional(),
    timestamp: frameSchema.nullable().optional(),
    duration: durationFramesSchema.nullable().optional(),
    annotation: annotationSchema.nullable().optional(),
    private: z.boolean().optional(),
  })
  .strict();

export class UpdateCommentCommand extends Command<CommentView> {
  readonly input: z.infer<typeof updateCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(updateCommentInput, input);
  }
}
