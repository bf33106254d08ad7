import { Query } from '@nestjs/cqrs';
import type { ReviewPageView } from '../../views/review-link.view';
import { ReviewCredentials } from '../../rules/review-link-access';

/** An anonymous reviewer opens /review/<code> (no actor: the code and password are the key). */
export class OpenReviewLinkQuery extends Query<ReviewPageView> {
  constructor(readonly credentials: ReviewCredentials) {
    super();
  }
}
