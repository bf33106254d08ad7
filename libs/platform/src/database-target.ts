import { DbConfig } from '@dailies/db';
import { EmbeddedPostgresServer } from '@dailies/db';

export interface DatabaseTarget {
  url: string;
  embedded?: EmbeddedPostgresServer;
}

/** DATABASE_URL when set; otherwise a real PostgreSQL embedded under DATA_DIR. */
export async function resolveDatabase(
  config: Pick<DbConfig, 'DATABASE_URL'> & { dataDir: string },
  log: (m: string) => void,
): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = new EmbeddedPostgresServer({ dataDir: config.dataDir, log });
  const url = await embedded.start();
  return { url, embedded };
}
