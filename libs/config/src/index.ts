export * from './compose-config';
export * from './env';
export * from './reads-config';
