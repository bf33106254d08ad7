import { CoreOptions } from '@dailies/core';
import { runMigrations } from '@dailies/db';
import { DatabaseTarget, resolveDatabase } from './database-target';
import { PlatformConfig } from './platform.config';
import { resolveSigningKeys } from './secrets';

export interface BootedDatabase {
  database: DatabaseTarget;
  core: CoreOptions;
}

/**
 * What every process needs before Nest starts, web server or not: the database (embedded unless
 * DATABASE_URL), migrations under a lock (unless MIGRATE_ON_START=false), the JWT key, and the
 * domain's options. On failure the embedded PostgreSQL is stopped again.
 */
export async function bootDatabase(
  config: PlatformConfig,
  log: (message: string) => void,
): Promise<BootedDatabase> {
  const database = await resolveDatabase(config, log);
  try {
    if (config.MIGRATE_ON_START) await runMigrations(database.url, { log });
    const jwtKeys = await resolveSigningKeys(database.url, config);
    return {
      database,
      core: {
        jwtKeys,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
        invitationTtlDays: config.INVITATION_TTL_DAYS,
        emailVerificationTtlHours: config.EMAIL_VERIFICATION_TTL_HOURS,
        passwordResetTtlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
        loginMaxFailuresPerEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
        loginMaxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
        loginMaxFailuresPerUser: config.LOGIN_MAX_FAILURES_PER_USER,
        loginThrottleWindowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS,
        defaultStorageLimitBytes: config.DEFAULT_STORAGE_LIMIT_BYTES,
      },
    };
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}
