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

export class ReplyToCommentCommand {
  readonly input: z.infer<typeof replyToCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(replyToCommentInput, input);
  }
}
