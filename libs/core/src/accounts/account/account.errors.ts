/** Why an account use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type AccountErrorCode = 'owner_cannot_be_removed' | 'no_owner';
