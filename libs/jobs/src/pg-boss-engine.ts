// The job engine is pg-boss (12.x), chosen over graphile-worker 0.18 — figures and reasons in
// libs/jobs/README.md. In short: per-schedule time zones and a catch-up policy ("missed"), dead
// letter queues with redrive, retry backoff with a cap, kept history (state, start, end, output,
// retry count), queue stats, a test clock shared by JavaScript and PostgreSQL, and enqueueing in a
// caller's transaction (`fromPrisma(tx)`) are all built in; graphile-worker has cron in one zone,
// no dead-letter queue and deletes finished jobs. pg-boss owns its `pgboss` schema: `start()`
// installs and migrates it under an advisory lock, outside our SQL migrations (Prisma's drift
// check reads `public` only).
import { v5 as uuidv5 } from 'uuid';
import { fromPrisma, PgBoss } from 'pg-boss';
import type { Clock, Db, Job, JobResult, PrismaTransactionLike } from 'pg-boss';
import { deadLetterQueueOf, JobContext, JobDefinition } from './define-job';
import { ScheduleDefinition } from './schedule';

export type { Clock } from 'pg-boss';
export { TestClock } from 'pg-boss';

/** A transaction to enqueue in: Prisma's interactive `tx`, or a `pg` client inside BEGIN. */
export type JobsTx =
  PrismaTransactionLike | { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export interface JobsEngineOptions {
  url: string;
  definitions: readonly JobDefinition[];
  schedules: readonly ScheduleDefinition[];
  /** Run handlers in this process (default true). */
  work?: boolean;
  /** Take part in firing schedules (default true; they fire once across all instances). */
  runSchedules?: boolean;
  clock?: Clock;
  /** pg-boss schema (default `pgboss`). */
  schema?: string;
  pollingIntervalSeconds?: number;
  /** Jobs fetched and run at once per job name in this process (default 2). */
  concurrency?: number;
  resolve: JobContext['get'];
  /** A job failed its last attempt (it goes to its dead-letter queue): report it (alerting). */
  onFinalFailure?: (job: string, error: unknown) => void;
  onError?: (error: Error) => void;
}

/** One finished try of a job, as the metrics count it. */
export interface JobRunOutcome {
  job: string;
  outcome: 'completed' | 'failed';
  durationMs: number;
}

/** The namespace of idempotency keys: `enqueue(…, { key })` maps to a stable job id. */
const KEY_NAMESPACE = 'a3c7d1f0-1b7e-4f3a-9d55-6c1e2b9a7d40';

export class JobsEngine {
  readonly boss: PgBoss;
  readonly schema: string;
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly runListeners = new Set<(run: JobRunOutcome) => void>();

  constructor(private readonly options: JobsEngineOptions) {
    this.schema = options.schema ?? 'pgboss';
    for (const d of options.definitions) this.definitions.set(d.name, d);
    for (const s of options.schedules) {
      if (!this.definitions.has(s.job)) throw new Error(`Schedule of unknown job "${s.job}"`);
    }
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: this.schema,
      application_name: 'dailies-jobs',
      max: 4,
      schedule: options.runSchedules ?? true,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.boss.on('error', (error: Error) => options.onError?.(error));
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const d of this.definitions.values()) await this.ensureQueues(d);
    await this.syncSchedules();
    if (this.options.work ?? true) {
      for (const d of this.definitions.values()) {
        // One worker per job fetches up to `concurrency` jobs at a time and settles each on its
        // own; `burstWhenBatchFull` fetches again at once while the queue has a backlog (with
        // one job per fetch pg-boss waits out the polling interval between fetches: ~16 jobs/s).
        await this.boss.work(
          d.name,
          {
            batchSize: this.options.concurrency ?? 2,
            perJobResults: true,
            burstWhenBatchFull: true,
            pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2,
          },
          (batch: Job<object>[]) => this.runBatch(d, batch),
        );
      }
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** The names of the jobs this engine knows. */
  jobNames(): string[] {
    return [...this.definitions.keys()];
  }

  /** Told of every try this process runs (metrics); returns the removal. */
  onRunFinished(listener: (run: JobRunOutcome) => void): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  definition(name: string): JobDefinition {
    const d = this.definitions.get(name);
    if (!d) throw new UnknownJobError(name);
    return d;
  }

  /** Returns the job id, or null when a job with the same `key` already exists. */
  async send(
    name: string,
    payload: unknown,
    options: { tx?: JobsTx; runAt?: Date; key?: string } = {},
  ): Promise<string | null> {
    const d = this.definition(name);
    const data = d.payload.parse(payload) as object;
    return this.boss.send(name, data, {
      ...(options.tx ? { db: toDb(options.tx) } : {}),
      ...(options.runAt ? { startAfter: options.runAt } : {}),
      ...(options.key ? { id: uuidv5(`${name}:${options.key}`, KEY_NAMESPACE) } : {}),
    });
  }

  private runBatch(d: JobDefinition, batch: Job<object>[]): Promise<JobResult[]> {
    return Promise.all(
      batch.map(async (job): Promise<JobResult> => {
        const started = performance.now();
        try {
          await this.run(d, job);
          this.finished(d.name, 'completed', started);
          return { id: job.id, status: 'completed' };
        } catch (error) {
          this.finished(d.name, 'failed', started);
          if (job.retryCount >= d.options.retries) this.options.onFinalFailure?.(d.name, error);
          const e = error instanceof Error ? error : new Error(String(error));
          return { id: job.id, status: 'failed', output: { name: e.name, message: e.message } };
        }
      }),
    );
  }

  private finished(job: string, outcome: JobRunOutcome['outcome'], started: number): void {
    const run = { job, outcome, durationMs: performance.now() - started };
    for (const listener of this.runListeners) listener(run);
  }

  private async run(d: JobDefinition, job: Job<object>): Promise<void> {
    const payload = d.payload.parse(job.data);
    const clock = this.options.clock;
    await d.handle(payload, {
      jobId: job.id,
      attempt: job.retryCount + 1,
      now: () => new Date(clock ? clock.now() : Date.now()),
      signal: job.signal,
      get: this.options.resolve,
    });
  }

  private async ensureQueues(d: JobDefinition): Promise<void> {
    const dead = deadLetterQueueOf(d.name);
    // Dead letters stay two weeks for the support tool to inspect and retry.
    const deadOptions = {
      retryLimit: 0,
      retentionSeconds: 14 * 86_400,
      deleteAfterSeconds: 14 * 86_400,
    };
    if (await this.boss.getQueue(dead)) await this.boss.updateQueue(dead, deadOptions);
    else await this.boss.createQueue(dead, deadOptions);
    const options = {
      retryLimit: d.options.retries,
      retryDelay: d.options.backoff.delaySeconds,
      retryBackoff: d.options.backoff.exponential,
      ...(d.options.backoff.maxDelaySeconds !== undefined
        ? { retryDelayMax: d.options.backoff.maxDelaySeconds }
        : {}),
      expireInSeconds: d.options.timeoutSeconds,
      // Finished jobs are the run history: kept a week.
      deleteAfterSeconds: 7 * 86_400,
      deadLetter: dead,
    };
    if (await this.boss.getQueue(d.name)) await this.boss.updateQueue(d.name, options);
    else await this.boss.createQueue(d.name, options);
  }

  /** Makes the stored schedules of our jobs equal to the definitions (last starter wins). */
  private async syncSchedules(): Promise<void> {
    const wanted = new Set(this.options.schedules.map((s) => s.job));
    for (const stored of await this.boss.getSchedules()) {
      if (this.definitions.has(stored.name) && !wanted.has(stored.name)) {
        await this.boss.unschedule(stored.name, stored.key);
      }
    }
    for (const s of this.options.schedules) {
      await this.boss.schedule(s.job, s.cron, s.payload, { tz: s.tz, missed: s.catchUp });
    }
  }
}

export class UnknownJobError extends Error {
  constructor(readonly job: string) {
    super(`Unknown job "${job}"`);
    this.name = 'UnknownJobError';
  }
}

function toDb(tx: JobsTx): Db {
  if ('$queryRawUnsafe' in tx) return fromPrisma(tx);
  return { executeSql: (text, values) => tx.query(text, values) };
}
