// The public API of the review-link aggregate: commands, queries, input schemas, views and events.
export * from './commands/create-review-comment/create-review-comment.command';
export * from './commands/create-review-link/create-review-link.command';
export * from './commands/delete-review-link/delete-review-link.command';
export * from './commands/expire-review-links/expire-review-links.command';
export * from './commands/update-review-link/update-review-link.command';
export * from './queries/get-review-link/get-review-link.query';
export * from './queries/get-review-asset-media/get-review-asset-media.query';
export * from './queries/list-review-comments/list-review-comments.query';
export * from './queries/list-review-links/list-review-links.query';
export * from './queries/open-review-link/open-review-link.query';
export type { ReviewCredentials } from './rules/review-link-access';
export {
  type ReviewAssetView,
  reviewAssetViewSchema,
  type ReviewLinkView,
  reviewLinkViewSchema,
  type ReviewPageView,
  reviewPageViewSchema,
} from './views/review-link.view';
export {
  REVIEW_COMMENTS_PER_WINDOW,
  REVIEW_PASSWORD_MAX_FAILURES,
  REVIEW_PASSWORD_MAX_FAILURES_GLOBAL,
  REVIEW_PASSWORD_MAX_FAILURES_PER_LINK,
} from './rules/review-link-throttle';
export * from './review-link.events';
export type * from './review-link.errors';
