import { ReviewCredentials } from '../../rules/review-link-access';

/** An anonymous reviewer opens /review/<code> (no actor: the code and password are the key). */
export class OpenReviewLinkQuery {
  constructor(readonly credentials: ReviewCredentials) {}
}
