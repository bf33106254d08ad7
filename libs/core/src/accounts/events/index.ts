export * from './account.events';
export * from './identity.events';
export * from './invitation.events';
export * from './team.events';
