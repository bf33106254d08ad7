import { Command } from '@nestjs/cqrs';
import type { CommentThreadView } from '../../../comment';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { commentFields, durationNeedsTimestamp } from '../../../comment';
import { ReviewCredentials } from '../../rules/review-link-access';

/** No `private` and no mentions: anonymous reviewers write for everyone who sees the asset. */
export const createReviewCommentInput = z
  .object({
    assetId: idSchema,
    /** The reviewer's display name, shown as the author. */
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    ...commentFields,
  })
  .strict()
  .superRefine(durationNeedsTimestamp);

/**
 * An anonymous reviewer comments through a review link; the actor (their display name and the
 * link) is known once the link is open, so the handler makes it.
 */
export class CreateReviewCommentCommand extends Command<CommentThreadView> {
  readonly input: z.infer<typeof createReviewCommentInput>;
  constructor(
    readonly credentials: ReviewCredentials,
    input: unknown,
  ) {
    super();
    this.input = validate(createReviewCommentInput, input);
  }
}
