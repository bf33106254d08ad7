import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Server } from 'node:http';
import { configSchemasOf } from '@dailies/config';
import { createLogger, PinoNestLogger, Readiness, resolveLogFormat } from '@dailies/http';
import { Clock } from '@dailies/jobs';
import { bootDatabase } from './boot-database';
import { bootLog } from './start-platform';
import { DatabaseTarget } from './database-target';
import { loadPlatformConfig, PlatformConfig } from './platform.config';
import { PlatformRootModule } from './platform-root.module';
import { startHealthServer } from './health-server';

export interface StartWorkerOptions {
  /** The worker's own modules (schedules, jobs); they may declare config with @ReadsConfig. */
  modules?: Type<unknown>[];
  /** Overrides of environment variables (tests use these instead of touching process.env). */
  env?: Record<string, string>;
  /** Serve /health/live and /health/ready on PORT (default true; one-off commands say false). */
  healthServer?: boolean;
  /** The jobs' clock (tests pass a TestClock and move it). */
  clock?: Clock;
  /** Run the schedules and job workers (apps/cron; JOBS_ENABLED=false still turns them off). */
  jobs?: boolean;
  /** The `app` tag of the process' metrics (default `worker`). */
  app?: string;
}

export interface RunningWorker {
  app: INestApplicationContext;
  config: PlatformConfig;
  database: DatabaseTarget;
  /** Where the health server answers, when it runs. */
  healthUrl?: string;
  close(): Promise<void>;
}

/**
 * Brings a process up without a web server (the coming apps/cron, one-off commands): database
 * and migrations, the domain and the event system — it delivers events like any instance unless
 * EVENTS_DELIVER=false — as a Nest application context. Readiness is a tiny health server on PORT.
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const modules = options.modules ?? [];
  const loaded = loadPlatformConfig({ ...process.env, ...options.env }, configSchemasOf(modules));
  // One-off commands (seed, staff) must not start the job engine; only the cron boot asks.
  const config = { ...loaded, JOBS_ENABLED: options.jobs === true && loaded.JOBS_ENABLED };
  const log = createLogger({ level: config.LOG_LEVEL, format: resolveLogFormat(config) });
  const { database, core } = await bootDatabase(config, bootLog(log));
  let app: INestApplicationContext | undefined;
  let server: Server | undefined;
  try {
    app = await NestFactory.createApplicationContext(
      PlatformRootModule.forRoot({
        config,
        databaseUrl: database.url,
        features: modules,
        core,
        http: false,
        clock: options.clock,
        app: options.app ?? 'worker',
      }),
      { logger: new PinoNestLogger(log), abortOnError: false },
    );
    let healthUrl: string | undefined;
    if (options.healthServer !== false) {
      const health = await startHealthServer(app.get(Readiness), config.PORT, config.HOST);
      server = health.server;
      healthUrl = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${health.port}/health`;
    }
    const context = app;
    let closed = false;
    return {
      app: context,
      config,
      database,
      healthUrl,
      async close() {
        if (closed) return;
        closed = true;
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        await context.close();
        await database.embedded?.stop();
      },
    };
  } catch (error) {
    server?.close();
    await app?.close();
    await database.embedded?.stop();
    throw error;
  }
}
