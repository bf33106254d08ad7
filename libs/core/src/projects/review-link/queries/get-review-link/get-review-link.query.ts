import { Query } from '@nestjs/cqrs';
import type { ReviewLinkView } from '../../views/review-link.view';
import { Actor } from '@dailies/events';

export class GetReviewLinkQuery extends Query<ReviewLinkView> {
  constructor(
    readonly actor: Actor,
    readonly reviewLinkId: string,
  ) {
    super();
  }
}
