/** Why a review-link use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type ReviewLinkErrorCode =
  | 'review_link_inactive'
  | 'review_link_expired'
  | 'review_password_required'
  | 'review_password_invalid'
  | 'review_comments_disabled';
