import { z } from 'zod';
import { PrismaService } from '@dailies/db';
import { ProcessedEvents } from '@dailies/events';
import { defineJob } from '../define-job';

const DAY_MS = 86_400_000;

/**
 * Idempotency markers older than the outbox retention: their events can no longer be redelivered
 * (prune-delivered-events keeps every event that still has a pending or dead delivery).
 */
export const pruneProcessedEventsJob = defineJob(
  'prune-processed-events',
  z.object({ keepDays: z.number().int().positive().default(30) }),
  async ({ keepDays }, ctx) => {
    const markers = new ProcessedEvents(ctx.get(PrismaService));
    await markers.prune(new Date(ctx.now().getTime() - keepDays * DAY_MS));
  },
  { retries: 3, backoff: { delaySeconds: 60 }, timeoutSeconds: 10 * 60 },
);
