/** Why an identity use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type IdentityErrorCode = 'email_already_verified' | 'email_unverified' | 'token_invalid';
