import { z } from 'zod';
import { validate } from '../../../../shared/validate';
import { ReviewCredentials } from '../../rules/review-link-access';
import { listCommentsParams } from '../../../comment/queries/list-comments/list-comments.query';

/** An anonymous reviewer reads the threads of an asset the link shares. */
export class ListReviewCommentsQuery {
  readonly params: z.infer<typeof listCommentsParams>;
  constructor(
    readonly credentials: ReviewCredentials,
    readonly assetId: string,
    params: unknown,
  ) {
    this.params = validate(listCommentsParams, params);
  }
}
