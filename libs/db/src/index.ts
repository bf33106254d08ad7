export * from './database.module';
export * from './prisma.service';
export * from './sql-pool';
export * from './migrate';
export * from './embedded/embedded-postgres';
export * from './ids';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/client';
export * from './transient-errors';
