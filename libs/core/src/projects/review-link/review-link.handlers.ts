import { Type } from '@nestjs/common';
import { CreateReviewCommentHandler } from './commands/create-review-comment/create-review-comment.handler';
import { CreateReviewLinkHandler } from './commands/create-review-link/create-review-link.handler';
import { ExpireReviewLinksHandler } from './commands/expire-review-links/expire-review-links.handler';
import { DeleteReviewLinkHandler } from './commands/delete-review-link/delete-review-link.handler';
import { UpdateReviewLinkHandler } from './commands/update-review-link/update-review-link.handler';
import { GetReviewLinkHandler } from './queries/get-review-link/get-review-link.handler';
import { GetReviewAssetMediaHandler } from './queries/get-review-asset-media/get-review-asset-media.handler';
import { ListReviewCommentsHandler } from './queries/list-review-comments/list-review-comments.handler';
import { ListReviewLinksHandler } from './queries/list-review-links/list-review-links.handler';
import { OpenReviewLinkHandler } from './queries/open-review-link/open-review-link.handler';
import { ReviewLinkAccess } from './rules/review-link-access';
import { ReviewLinkPolicy } from './policy/review-link-policy';
import { AttemptBudgets } from '../../shared/attempt-budgets';
import { ReviewLinkThrottle } from './rules/review-link-throttle';
import { ReviewLinkUrls } from './rules/review-link-urls';

/**
 * Command and query handlers of the review-link use cases (managing links, and the anonymous
 * review page), registered by ProjectsModule with the services they share.
 */
export const ReviewLinkHandlers: Type[] = [
  ReviewLinkPolicy,
  ReviewLinkAccess,
  AttemptBudgets,
  ReviewLinkThrottle,
  ReviewLinkUrls,
  CreateReviewLinkHandler,
  UpdateReviewLinkHandler,
  DeleteReviewLinkHandler,
  ExpireReviewLinksHandler,
  GetReviewAssetMediaHandler,
  ListReviewLinksHandler,
  GetReviewLinkHandler,
  OpenReviewLinkHandler,
  ListReviewCommentsHandler,
  CreateReviewCommentHandler,
];
