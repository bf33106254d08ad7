import { z } from 'zod';
import { validate } from '../../../shared/validate';
import { ReviewCredentials } from '../../services/review-link-access';
import { listCommentsParams } from '../list-comments/list-comments.query';

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
