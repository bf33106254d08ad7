// The public API of the account aggregate (accounts and their memberships): commands, queries, views, events.
export * from './commands/change-member-role/change-member-role.command';
export * from './commands/remove-member/remove-member.command';
export * from './commands/update-account/update-account.command';
export * from './queries/get-account/get-account.query';
export * from './queries/get-me/get-me.query';
export * from './queries/list-members/list-members.query';
export * from './queries/list-my-accounts/list-my-accounts.query';
export * from './policy/account-policy';
export * from './views/account.view';
export * from './views/user.view';
export * from './views/member.view';
export * from './account.events';
export * from './policy/account-rules';
export type * from './account.errors';
