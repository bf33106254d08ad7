// The public API of the team aggregate (teams inside an account): commands, queries, views, events.
export * from './commands/add-team-member/add-team-member.command';
export * from './commands/create-team/create-team.command';
export * from './commands/delete-team/delete-team.command';
export * from './commands/remove-team-member/remove-team-member.command';
export * from './commands/update-team/update-team.command';
export * from './queries/get-team/get-team.query';
export * from './queries/list-team-members/list-team-members.query';
export * from './queries/list-teams/list-teams.query';
export * from './views/team.view';
export * from './team.events';
export type * from './team.errors';
