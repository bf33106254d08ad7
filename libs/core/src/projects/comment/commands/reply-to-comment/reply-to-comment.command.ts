import { Command } from '@nestjs/cqrs';
import type { CommentView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { commentFields, durationNeedsTimestamp } from '../../rules/comment-input';

/** No `private`: a reply is exactly as private as its thread. */
export const replyToCommentInput = z
  .object({
    commentId: idSchema,
    ...commentFields,
    mentions: z
      .array(idSchema)
      .max(50)
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .strict()
  .superRefine(durationNeedsTimestamp);

export class ReplyToCommentCommand extends Command<CommentView> {
  readonly input: z.infer<typeof replyToCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(replyToCommentInput, input);
  }
}
