import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configSchemasOf } from '@dailies/config';
import { runMigrations } from '@dailies/db';
import { createHttpApp } from '@dailies/http';
import pino from 'pino';
import { DatabaseTarget, resolveDatabase } from './database-target';
import { seedDemo } from './demo-seed';
import { loadPlatformConfig, PlatformConfig } from './platform.config';
import { PlatformRootModule } from './platform-root.module';
import { resolveJwtSecret } from './secrets';

export interface StartOptions {
  features: Type<unknown>[];
  /** Overrides of environment variables (tests use these instead of touching process.env). */
  env?: Record<string, string>;
}

export interface RunningPlatform {
  app: NestFastifyApplication;
  config: PlatformConfig;
  database: DatabaseTarget;
  baseUrl: string;
  seededDemo: boolean;
  close(): Promise<void>;
}

/**
 * Brings a process up: database (embedded unless DATABASE_URL), migrations under a lock (unless
 * MIGRATE_ON_START=false), the Nest app with the given features, and the demo seed.
 */
export async function startPlatform(options: StartOptions): Promise<RunningPlatform> {
  const config = loadPlatformConfig(
    { ...process.env, ...options.env },
    configSchemasOf(options.features),
  );
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'dailies' } });
  const database = await resolveDatabase(config, (m) => log.info(m));
  try {
    if (config.MIGRATE_ON_START) await runMigrations(database.url, { log: (m) => log.info(m) });
    const jwtSecret = await resolveJwtSecret(database.url, config.JWT_SECRET);
    const root = PlatformRootModule.forRoot({
      config,
      databaseUrl: database.url,
      features: options.features,
      core: {
        jwtSecret,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
        invitationTtlDays: config.INVITATION_TTL_DAYS,
        loginMaxFailuresPerEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
        loginMaxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
        loginThrottleWindowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS,
        defaultStorageLimitBytes: config.DEFAULT_STORAGE_LIMIT_BYTES,
      },
    });
    const app = await createHttpApp(root, {
      logLevel: config.LOG_LEVEL,
      openApiDocs: config.OPENAPI_DOCS,
    });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const baseUrl = config.PUBLIC_URL ?? `http://localhost:${port}`;
    const seededDemo = config.SEED_DEMO ? await seedDemo(app) : false;
    let closed = false;
    return {
      app,
      config,
      database,
      baseUrl,
      seededDemo,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await database.embedded?.stop();
      },
    };
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}
