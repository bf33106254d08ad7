import { z } from 'zod';
import { SqlPool } from '@dailies/db';
import { defineJob } from '../define-job';

/**
 * Login/review-link throttle rows whose window is long over and that block nobody: a failed
 * login later starts a fresh window anyway, so they only take space. Also forgets the addresses
 * a user has not signed in from for `knownSourceDays` (login_known_sources): after that long, an
 * address counts as new again for the account-wide login budget.
 */
export const pruneLoginThrottlesJob = defineJob(
  'prune-login-throttles',
  z.object({
    olderThanHours: z.number().int().positive().default(24),
    knownSourceDays: z.number().int().positive().default(180),
  }),
  async ({ olderThanHours, knownSourceDays }, ctx) => {
    const now = ctx.now();
    const sql = ctx.get(SqlPool);
    await sql.query(
      `DELETE FROM login_known_sources
        WHERE last_success_at < $1::timestamptz - make_interval(days => $2::int)`,
      [now, knownSourceDays],
    );
    await sql.query(
      `DELETE FROM login_throttles
        WHERE window_started_at < $1::timestamptz - make_interval(hours => $2::int)
          AND (blocked_until IS NULL OR blocked_until < $1::timestamptz)`,
      [now, olderThanHours],
    );
  },
  { retries: 3, backoff: { delaySeconds: 60 }, timeoutSeconds: 5 * 60 },
);
