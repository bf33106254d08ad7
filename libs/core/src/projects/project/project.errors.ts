/** Why a project use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type ProjectErrorCode = 'project_archived' | 'already_collaborator';
