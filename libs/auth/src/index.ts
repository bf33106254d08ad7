export * from './access-tokens';
export * from './passwords';
export * from './tokens';
