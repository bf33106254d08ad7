import path from 'node:path';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');
export const MIGRATIONS_TABLE = 'pgmigrations';

export interface MigrateOptions {
  log?: (message: string) => void;
}

/**
 * Applies every pending SQL file in migrations/ (forward only, one transaction per file, in
 * order). An advisory lock in `wait` mode makes concurrent starters safe: one migrates, the
 * others wait and then find nothing to do.
 */
export async function runMigrations(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    checkOrder: true,
    advisoryLockMode: 'wait',
    log: () => undefined,
    logger: { debug: () => undefined, info: () => undefined, warn: log, error: log },
  });
  for (const migration of applied) log(`applied migration ${migration.name}`);
  return applied.map((m) => m.name);
}
