/** Why an invitation use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type InvitationErrorCode =
  | 'already_member'
  | 'invitation_used'
  | 'invitation_revoked'
  | 'invitation_accepted'
  | 'invitation_expired';
