import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { loadPlatformConfig, PlatformConfig } from '@dailies/platform';
import { EmbeddedPostgresServer, runMigrations, SqlPool } from '@dailies/db';
import { Clock } from '@dailies/jobs';
import { CronRootModule } from './cron-root.module';
import { startHealthServer } from './health-server';

const CronEnv = z.object({
  /** The probe port (0 picks a free one). */
  CRON_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});

export interface RunningCron {
  app: INestApplicationContext;
  config: PlatformConfig;
  healthPort: number;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The cron boot: database (DATABASE_URL, else the embedded PostgreSQL under DATA_DIR),
 * migrations under their lock, a Nest application context (no web server) with the jobs, and a
 * probe port. Small on purpose: the platform's worker boot replaces it once it exists.
 */
export async function startCron(
  options: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<RunningCron> {
  const env = { ...process.env, ...options.env };
  const config = loadPlatformConfig(env);
  const cronEnv = CronEnv.parse(env);
  const embedded = config.DATABASE_URL
    ? undefined
    : new EmbeddedPostgresServer({ dataDir: config.dataDir });
  const url = embedded ? await embedded.start() : config.DATABASE_URL!;
  try {
    if (config.MIGRATE_ON_START) await runMigrations(url);
    const app = await NestFactory.createApplicationContext(
      CronRootModule.forRoot({ databaseUrl: url, clock: options.clock }),
      { logger: config.LOG_LEVEL === 'silent' ? false : ['log', 'warn', 'error'] },
    );
    const pool = app.get(SqlPool);
    const health = await startHealthServer(cronEnv.CRON_HEALTH_PORT, config.HOST, async () => {
      await pool.query('SELECT 1');
      return true;
    });
    let closed = false;
    return {
      app,
      config,
      healthPort: health.port,
      embedded: embedded !== undefined,
      async close() {
        if (closed) return;
        closed = true;
        await health.close();
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
