// The public API of the invitation aggregate (invitations to join an account or team): commands, queries, views, events.
export * from './commands/accept-invitation/accept-invitation.command';
export * from './commands/create-invitation/create-invitation.command';
export * from './commands/revoke-invitation/revoke-invitation.command';
export * from './commands/resend-invitation/resend-invitation.command';
export * from './queries/list-invitations/list-invitations.query';
export * from './views/invitation.view';
export * from './rules/invite';
export * from './invitation.events';
export type * from './invitation.errors';
