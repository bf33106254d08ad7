export * from './allowlist';
export * from './compare';
export * from './database-schema';
export * from './expected-schema';
export * from './prisma-dmmf';
export * from './schema-drift';
export type * from './schema-shape';
