export * from './account/account.events';
export * from './identity/identity.events';
export * from './invitation/invitation.events';
export * from './team/team.events';
