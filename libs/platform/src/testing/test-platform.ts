import { Type } from '@nestjs/common';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import type { DestinationStream } from 'pino';
import { RunningPlatform, startPlatform } from '../start-platform';

export interface TestPlatform extends RunningPlatform {
  databaseUrl: string;
}

/** The real app on a real HTTP port, against a fresh database copied from the migrated template. */
export async function startTestPlatform(
  features: Type<unknown>[],
  env: Record<string, string> = {},
  logDestination?: DestinationStream,
): Promise<TestPlatform> {
  const databaseUrl = await createTestDatabase();
  const platform = await startPlatform({
    features,
    logDestination,
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      OPENAPI_DOCS: 'true',
      DB_POOL_SIZE: '4',
      // Quick sweeps and a short shutdown grace keep event-driven tests fast.
      EVENTS_SWEEP_INTERVAL_MS: '200',
      EVENTS_SHUTDOWN_GRACE_MS: '2000',
      ...env,
    },
  });
  return {
    ...platform,
    databaseUrl,
    async close() {
      await platform.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
