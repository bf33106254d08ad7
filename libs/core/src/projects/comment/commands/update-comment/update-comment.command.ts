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

export class UpdateCommentCommand {
  readonly input: z.infer<typeof updateCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    this.input = validate(updateCommentInput, input);
  }
}
