import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configSchemasOf } from '@dailies/config';
import { CoreOptions } from '@dailies/core';
import { createHttpApp, createLogger, HeldLogLines, resolveLogFormat } from '@dailies/http';
import { Clock } from '@dailies/jobs';
import { LocalStorage, ObjectStorage, SignedLinks } from '@dailies/storage';
import pino from 'pino';
import { bootDatabase } from './boot-database';
import { DatabaseTarget } from './database-target';
import { seedDemo } from './demo-seed';
import { loadPlatformConfig, PlatformConfig } from './platform.config';
import { PlatformRootModule } from './platform-root.module';

export interface StartOptions {
  features: Type<unknown>[];
  /** Overrides of environment variables (tests use these instead of touching process.env). */
  env?: Record<string, string>;
  /** The jobs' clock (tests pass a TestClock and move it). */
  clock?: Clock;
  /** Where the HTTP log lines go (default stdout); tests capture them. */
  logDestination?: pino.DestinationStream;
  /** The `app` tag of the process' metrics (default `platform`). */
  app?: string;
  /** Hold log lines back until `releaseLogs()` (runMain prints its banner first). */
  holdLogs?: boolean;
}

export interface RunningPlatform {
  app: NestFastifyApplication;
  config: PlatformConfig;
  database: DatabaseTarget;
  baseUrl: string;
  seededDemo: boolean;
  /** The process' logger (createLogger: pretty or JSON, secrets redacted). */
  log: pino.Logger;
  /** Lets held log lines (holdLogs) through. */
  releaseLogs(): void;
  close(): Promise<void>;
}

/** Start-up messages for the log: each applied migration at debug, the rest at info. */
export function bootLog(log: pino.Logger): (message: string) => void {
  return (message) =>
    message.startsWith('applied migration') ? log.debug(message) : log.info(message);
}

/**
 * Brings an HTTP process up: database and migrations (bootDatabase), the Nest app with the given
 * transports, and — in development, unless SEED_DEMO=false — the demo seed (`npm run seed`).
 */
export async function startPlatform(options: StartOptions): Promise<RunningPlatform> {
  const config = loadPlatformConfig(
    { ...process.env, ...options.env },
    configSchemasOf(options.features),
  );
  const format = resolveLogFormat(config);
  // Held for a person at a terminal only: a log collector gets every line as it happens.
  const held = options.holdLogs && format === 'pretty' ? new HeldLogLines() : undefined;
  const log = createLogger({
    level: config.LOG_LEVEL,
    format,
    destination: options.logDestination,
    held,
  });
  // Nothing waits forever: a start-up that hangs shows what it logged so far.
  const safety = held ? setTimeout(() => held.release(), 15_000).unref() : undefined;
  const releaseLogs = () => {
    clearTimeout(safety);
    held?.release();
  };
  let database: DatabaseTarget;
  let core: CoreOptions;
  try {
    ({ database, core } = await bootDatabase(config, bootLog(log)));
  } catch (error) {
    releaseLogs();
    throw error;
  }
  try {
    const root = PlatformRootModule.forRoot({
      config,
      databaseUrl: database.url,
      features: options.features,
      core,
      clock: options.clock,
      app: options.app,
    });
    const app = await createHttpApp(root, {
      logLevel: config.LOG_LEVEL,
      openApiDocs: config.OPENAPI_DOCS,
      loadShedding: {
        maxEventLoopDelayMs: config.LOAD_SHED_EVENT_LOOP_DELAY_MS,
        retryAfterSeconds: config.LOAD_SHED_RETRY_AFTER_SECONDS,
      },
      trustedProxies: config.TRUSTED_PROXIES,
      corsOrigins: config.CORS_ORIGINS,
      logger: log,
    });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const baseUrl = config.PUBLIC_URL ?? `http://localhost:${port}`;
    // The local store's URLs and signed links point at this process, whose port is known only now
    // (PORT=0).
    const storage = app.get(ObjectStorage);
    if (storage instanceof LocalStorage) storage.useBaseUrl(baseUrl);
    app.get(SignedLinks).useBaseUrl(baseUrl);
    const seededDemo = config.SEED_DEMO ? await seedDemo(app) : false;
    let closed = false;
    return {
      app,
      config,
      database,
      baseUrl,
      seededDemo,
      log,
      releaseLogs,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await database.embedded?.stop();
      },
    };
  } catch (error) {
    releaseLogs();
    await database.embedded?.stop();
    throw error;
  }
}
