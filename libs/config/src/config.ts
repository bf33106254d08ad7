import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Dailies reads, validated once at start-up (README lists them). */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  MIGRATE_ON_START: bool.default(true),
  SEED_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().positive().default(14),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  DEFAULT_STORAGE_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  OPENAPI_DOCS: bool.default(true),
  // Audit log, analytics and usage consumers (libs/consumers/{audit,analytics,usage}).
  EVENTS_DELIVER: bool.default(true),
  EVENTS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  EVENTS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  EVENTS_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  EVENTS_MAX_LAG_SECONDS: z.coerce.number().int().positive().default(60),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  ANALYTICS_SINK: z.enum(['table', 'segment']).default('table'),
  ANALYTICS_ENDPOINT: z.string().url().default('https://api.segment.io/v1/batch'),
  ANALYTICS_WRITE_KEY: z.string().min(1).optional(),
  ANALYTICS_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  ANALYTICS_FLUSH_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  ANALYTICS_DEDUPE_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  // Cache (libs/cache) and notifications (libs/consumers/notifications).
  CACHE_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL (unset: in-process cache)')
    .optional(),
  CACHE_MAX_ENTRIES: z.coerce.number().int().positive().default(10_000),
  CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  CACHE_KEY_PREFIX: z.string().default('dailies:'),
  NOTIFICATIONS_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  // GraphQL (libs/api-graphql).
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(200_000),
  /** Unset: on, except in production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** Unset: PostgreSQL LISTEN/NOTIFY carries live updates between instances. */
  GRAPHQL_PUBSUB_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL (unset: PostgreSQL NOTIFY)')
    .optional(),
  GRAPHQL_KEEPALIVE_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Events one websocket may have waiting; beyond that the slow client is disconnected. */
  GRAPHQL_MAX_PENDING_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export type AppConfig = z.infer<typeof configSchema> & {
  /** Absolute data folder (embedded PostgreSQL, the generated JWT secret). */
  dataDir: string;
};

/** Nest injection token of the validated AppConfig (provided globally by the platform root). */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: required in production (the embedded PostgreSQL is for local use)',
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
