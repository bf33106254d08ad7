import path from 'node:path';
import { AlertingConfig, alertingConfigSchema } from '@dailies/alerting';
import { AuthConfig, authConfigSchema } from '@dailies/auth';
import { CacheConfig, cacheConfigSchema } from '@dailies/cache';
import { composeConfig, ConfigError, ConfigSchema, envBool, parseConfig } from '@dailies/config';
import { AnalyticsConfig, analyticsConfigSchema } from '@dailies/consumer-analytics';
import { NotificationsConfig, notificationsConfigSchema } from '@dailies/consumer-notifications';
import { CoreConfig, coreConfigSchema } from '@dailies/core';
import { DbConfig, dbConfigSchema } from '@dailies/db';
import { EmailOwnConfig, emailOwnConfigSchema } from '@dailies/email';
import { EventsConfig, eventsConfigSchema } from '@dailies/events';
import { HttpConfig, httpConfigSchema } from '@dailies/http';
import { JobsConfig, jobsConfigSchema } from '@dailies/jobs';
import { MonitoringConfig, monitoringConfigSchema } from '@dailies/monitoring';
import { z } from 'zod';

/** What the process itself reads. */
export const processConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: pretty in a terminal (not in production), JSON lines otherwise. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Unset: on, except in production (where the demo user is never created). */
  SEED_DEMO: envBool.optional(),
});
export type ProcessConfig = z.infer<typeof processConfigSchema>;

/** The schemas of every lib a platform process boots (transports add theirs: @ReadsConfig). */
export const platformConfigSchemas: readonly ConfigSchema[] = [
  processConfigSchema,
  httpConfigSchema,
  dbConfigSchema,
  authConfigSchema,
  coreConfigSchema,
  eventsConfigSchema,
  cacheConfigSchema,
  analyticsConfigSchema,
  notificationsConfigSchema,
  emailOwnConfigSchema,
  jobsConfigSchema,
  monitoringConfigSchema,
  alertingConfigSchema,
];

export type PlatformConfig = ProcessConfig &
  HttpConfig &
  DbConfig &
  AuthConfig &
  CoreConfig &
  EventsConfig &
  CacheConfig &
  AnalyticsConfig &
  NotificationsConfig &
  EmailOwnConfig &
  JobsConfig &
  MonitoringConfig &
  AlertingConfig & {
    SEED_DEMO: boolean;
    /** Unset: on, except in production (Swagger UI and the OpenAPI document are opt-in there). */
    OPENAPI_DOCS: boolean;
    /** Absolute data folder (embedded PostgreSQL, the generated JWT secret). */
    dataDir: string;
  };

/**
 * The configuration of a platform process: every lib's variables plus those of the transports it
 * mounts (`extraSchemas`), validated at once; the error names every bad variable. Rules that
 * span libs (production needs a real database and no demo user) are checked here.
 */
export function loadPlatformConfig(
  env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env,
  extraSchemas: readonly ConfigSchema[] = [],
): PlatformConfig {
  const parsed = parseConfig(
    composeConfig([...platformConfigSchemas, ...extraSchemas]),
    env,
  ) as Omit<PlatformConfig, 'SEED_DEMO' | 'OPENAPI_DOCS' | 'dataDir'> & {
    SEED_DEMO?: boolean;
    OPENAPI_DOCS?: boolean;
  };
  const production = parsed.NODE_ENV === 'production';
  const problems = [
    ...(production && !parsed.DATABASE_URL
      ? ['  DATABASE_URL: required in production (the embedded PostgreSQL is for local use)']
      : []),
    ...(production && !parsed.JWT_SIGNING_KEYS && !parsed.JWT_SECRET_FILE && !parsed.JWT_SECRET
      ? [
          '  JWT_SIGNING_KEYS: required in production (or JWT_SECRET_FILE): a key kept in the ' +
            'database is for local use',
        ]
      : []),
    ...(parsed.METRICS_SINK === 'datadog' && !parsed.DATADOG_API_KEY
      ? ['  DATADOG_API_KEY: required with METRICS_SINK=datadog']
      : []),
    ...(production && parsed.SEED_DEMO
      ? ['  SEED_DEMO: the demo user is never created in production']
      : []),
  ];
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return {
    ...parsed,
    SEED_DEMO: parsed.SEED_DEMO ?? !production,
    OPENAPI_DOCS: parsed.OPENAPI_DOCS ?? !production,
    dataDir: path.resolve(parsed.DATA_DIR),
  };
}
