export * from './access-tokens';
export * from './passwords';
export * from './signing-keys';
export * from './tokens';
export * from './auth.config';
