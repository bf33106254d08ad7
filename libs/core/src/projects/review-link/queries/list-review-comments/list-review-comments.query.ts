import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { CommentThreadView } from '../../../comment';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';
import { ReviewCredentials } from '../../rules/review-link-access';
import { listCommentsParams } from '../../../comment';

/** An anonymous reviewer reads the threads of an asset the link shares. */
export class ListReviewCommentsQuery extends Query<Page<CommentThreadView>> {
  readonly params: z.infer<typeof listCommentsParams>;
  constructor(
    readonly credentials: ReviewCredentials,
    readonly assetId: string,
    params: unknown,
  ) {
    super();
    this.params = validate(listCommentsParams, params);
  }
}
