import { Command } from '@nestjs/cqrs';
import type { CommentThreadView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { commentFields, durationNeedsTimestamp } from '../../rules/comment-input';

export const createCommentInput = z
  .object({
    assetId: idSchema,
    ...commentFields,
    /** Visible to members of the project's account only (not to outside collaborators). */
    private: z.boolean().default(false),
    /** Users to notify; each must have access to the project. */
    mentions: z
      .array(idSchema)
      .max(50)
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .strict()
  .superRefine(durationNeedsTimestamp);

export class CreateCommentCommand extends Command<CommentThreadView> {
  readonly input: z.infer<typeof createCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createCommentInput, input);
  }
}
