// The public API of the project use cases: commands, queries, input schemas and views.
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
