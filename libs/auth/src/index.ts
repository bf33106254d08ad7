export * from './access-tokens';
export * from './passwords';
export * from './tokens';
export * from './auth.config';
