import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ExpireReviewLinksCommand,
  PurgeAuditLogCommand,
  PurgeTrashCommand,
  ReconcileUsageCommand,
  SendDigestsCommand,
} from '@dailies/core';
import { systemActor } from '@dailies/events';
import { defineJob, JobContext } from '@dailies/jobs';
import { z } from 'zod';

// Scheduled domain work: each job is a thin adapter that sends one domain command (the use case
// lives in libs/core) as the system actor named after the job.

const batchLimit = z.object({ limit: z.number().int().min(1).max(10_000).default(500) });
/** A batch job stops after this many rounds and leaves the rest to the next run. */
const MAX_ROUNDS = 100;

async function untilDone(
  ctx: JobContext,
  round: () => Promise<{ more: boolean }>,
): Promise<number> {
  let rounds = 0;
  while (rounds < MAX_ROUNDS && !ctx.signal.aborted) {
    rounds++;
    if (!(await round()).more) break;
  }
  return rounds;
}

/** Trash older than 30 days is deleted for good (usage is decremented by its events). */
export const purgeTrashJob = defineJob(
  'purge-trash',
  batchLimit,
  async ({ limit }, ctx) => {
    const bus = ctx.get(CommandBus);
    let purged = 0;
    await untilDone(ctx, async () => {
      const result = await bus.execute(
        new PurgeTrashCommand(systemActor('purge-trash'), { limit }),
      );
      purged += result.purged;
      return result;
    });
    new Logger('purge-trash').log(`purged ${purged} trashed item(s)`);
  },
  { retries: 3, backoff: { delaySeconds: 60 }, timeoutSeconds: 30 * 60 },
);

/** Review links past their expiry are marked expired (one review_link.expired each). */
export const expireReviewLinksJob = defineJob(
  'expire-review-links',
  batchLimit,
  async ({ limit }, ctx) => {
    const bus = ctx.get(CommandBus);
    await untilDone(ctx, () =>
      bus.execute(
        new ExpireReviewLinksCommand(systemActor('expire-review-links'), {
          now: ctx.now(),
          limit,
        }),
      ),
    );
  },
  { retries: 3, backoff: { delaySeconds: 30 }, timeoutSeconds: 10 * 60 },
);

/** Audit entries older than their account plan's retention are deleted (PurgeAuditLogCommand). */
export const purgeAuditLogJob = defineJob(
  'purge-audit-log',
  z.object({}),
  async (_payload, ctx) => {
    const result = await ctx
      .get(CommandBus)
      .execute(new PurgeAuditLogCommand(systemActor('purge-audit-log'), { now: ctx.now() }));
    new Logger('purge-audit-log').log(
      `deleted ${result.deletedCount} audit entries before ${result.before.toISOString()}`,
    );
  },
  { retries: 3, backoff: { delaySeconds: 60 }, timeoutSeconds: 30 * 60 },
);

/**
 * Nightly usage reconcile. The drift report: each drifted account's before/after/drift is stored
 * as a usage.reconciled event (in the outbox and the audit log) by the command; the job logs the
 * per-account drift too, so an operator sees it in the cron logs.
 */
export const reconcileUsageJob = defineJob(
  'reconcile-usage',
  z.object({}),
  async (_payload, ctx) => {
    const drifted = await ctx
      .get(CommandBus)
      .execute(new ReconcileUsageCommand(systemActor('reconcile-usage')));
    const log = new Logger('reconcile-usage');
    if (!drifted.length) log.log('usage reconcile: no drift');
    for (const report of drifted) {
      log.warn(
        `usage drift in account ${report.accountId}: ` +
          `storageBytes ${report.drift.storageBytes}, assetCount ${report.drift.assetCount}`,
      );
    }
  },
  { retries: 2, backoff: { delaySeconds: 300 }, timeoutSeconds: 60 * 60 },
);

/**
 * E-mail digests: every user whose notifications wait for an hourly or daily digest gets the
 * window since their last one, on their local period boundaries (IANA zone, across DST); empty
 * digests are not sent. The send loop mails the recorded deliveries after commit.
 */
export const sendDigestsJob = defineJob(
  'send-digests',
  z.object({ dailyHour: z.number().int().min(0).max(23).default(8) }),
  async ({ dailyHour }, ctx) => {
    await ctx
      .get(CommandBus)
      .execute(new SendDigestsCommand(systemActor('send-digests'), { now: ctx.now(), dailyHour }));
  },
  { retries: 3, backoff: { delaySeconds: 30 }, timeoutSeconds: 15 * 60 },
);
