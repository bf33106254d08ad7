// The accounts context, one folder per aggregate; each folder's index.ts is its public API.
export * from './account';
export * from './identity';
export * from './team';
export * from './invitation';
