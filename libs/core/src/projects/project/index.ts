// The public API of the project aggregate: commands, queries, input schemas, views and events.
export * from './commands/add-collaborator/add-collaborator.command';
export * from './commands/change-collaborator-role/change-collaborator-role.command';
export * from './commands/create-project/create-project.command';
export * from './commands/delete-project/delete-project.command';
export * from './commands/remove-collaborator/remove-collaborator.command';
export * from './commands/update-project/update-project.command';
export * from './queries/get-project/get-project.query';
export * from './queries/list-collaborators/list-collaborators.query';
export * from './queries/list-projects/list-projects.query';
export * from './views/project.view';
export * from './views/collaborator.view';
export * from './project.events';
export * from './policy/project-policy';
export * from './policy/project-rules';
export type * from './project.errors';
