/** Why an identity use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type IdentityErrorCode = 'email_taken';
