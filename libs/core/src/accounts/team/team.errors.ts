/** Why a team use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type TeamErrorCode = 'last_team' | 'team_has_projects';
