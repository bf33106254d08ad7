import { z } from 'zod';
import { SqlPool } from '@dailies/db';
import { defineJob } from '../define-job';

const BATCH = 5_000;

/**
 * Outbox rows (`events`) every consumer has handled: no `event_deliveries` row is left, pending
 * or dead. Kept: the last `keepDays` of events, so `EventReplay` can re-run a consumer over that
 * window, and every event with a pending or dead-lettered delivery, whatever its age, so retries
 * and redrives still find it. Deleted in batches to keep transactions and locks short.
 */
export const pruneDeliveredEventsJob = defineJob(
  'prune-delivered-events',
  z.object({ keepDays: z.number().int().positive().default(30) }),
  async ({ keepDays }, ctx) => {
    const pool = ctx.get(SqlPool);
    const cutoff = new Date(ctx.now().getTime() - keepDays * 86_400_000);
    for (;;) {
      if (ctx.signal.aborted) return;
      const rows = await pool.query<{ n: number }>(
        `WITH doomed AS (
           SELECT e.id FROM events e
            WHERE e.occurred_at < $1
              AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = e.id)
            ORDER BY e.occurred_at LIMIT $2)
         , gone AS (DELETE FROM events WHERE id IN (SELECT id FROM doomed) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [cutoff, BATCH],
      );
      if ((rows[0]?.n ?? 0) < BATCH) return;
    }
  },
  { retries: 3, backoff: { delaySeconds: 60 }, timeoutSeconds: 30 * 60 },
);
