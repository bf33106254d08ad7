import { z } from 'zod';
import { SqlPool } from '@dailies/db';
import { defineJob } from '../define-job';

/**
 * Login/review-link throttle rows whose window is long over and that block nobody: a failed
 * login later starts a fresh window anyway, so they only take space.
 */
export const pruneLoginThrottlesJob = defineJob(
  'prune-login-throttles',
  z.object({ olderThanHours: z.number().int().positive().default(24) }),
  async ({ olderThanHours }, ctx) => {
    const now = ctx.now();
    await ctx.get(SqlPool).query(
      `DELETE FROM login_throttles
        WHERE window_started_at < $1::timestamptz - make_interval(hours => $2::int)
          AND (blocked_until IS NULL OR blocked_until < $1::timestamptz)`,
      [now, olderThanHours],
    );
  },
  { retries: 3, backoff: { delaySeconds: 60 }, timeoutSeconds: 5 * 60 },
);
