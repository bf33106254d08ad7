/** Why an identity use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type IdentityErrorCode =
  | 'email_already_verified'
  | 'email_unverified'
  | 'token_invalid'
  /** Support cannot send a reset link to a locked user (unlock first). */
  | 'user_locked';
