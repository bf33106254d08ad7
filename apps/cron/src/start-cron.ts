import { INestApplicationContext } from '@nestjs/common';
import { z } from 'zod';
import { PlatformConfig, startWorker } from '@dailies/platform';
import { Clock } from '@dailies/jobs';

const CronEnv = z.object({
  /** The probe port (0 picks a free one). */
  CRON_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});

export interface RunningCron {
  app: INestApplicationContext;
  config: PlatformConfig;
  healthPort: number;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The cron boot: the platform's worker boot (database, migrations under their lock, the domain
 * and the event system as a Nest application context, no web server) with the job engine running
 * the one registry of scheduled jobs (libs/platform `scheduledJobs`), and a probe port.
 */
export async function startCron(
  options: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<RunningCron> {
  const cronEnv = CronEnv.parse({ ...process.env, ...options.env });
  const worker = await startWorker({
    env: { ...options.env, PORT: String(cronEnv.CRON_HEALTH_PORT) },
    clock: options.clock,
    jobs: true,
    app: 'cron',
  });
  if (!worker.healthUrl) throw new Error('the cron boot always serves its probe');
  return {
    app: worker.app,
    config: worker.config,
    healthPort: Number(new URL(worker.healthUrl).port),
    embedded: worker.database.embedded !== undefined,
    close: () => worker.close(),
  };
}
