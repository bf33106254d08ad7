import { deadLetterQueueOf } from './define-job';
import { DeadLetter, errorOf, JobRun, QueueStats } from './job-records';
import { JobsEngine, JobsTx } from './pg-boss-engine';

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists only if it commits. */
  tx?: JobsTx;
  /** Not before this time. */
  runAt?: Date;
  /** Idempotency key: a second enqueue with the same job and key is a no-op (returns null). */
  key?: string;
}

interface JobRow {
  id: string;
  name: string;
  state: JobRun['state'];
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
  data: unknown;
}

interface DeadRow extends JobRow {
  source_id: string | null;
  source_name: string | null;
  source_retry_count: number | null;
  source_output: unknown;
}

/**
 * The jobs façade the rest of the code uses: enqueue, and what the support tool and metrics read
 * (history, dead letters and their retry, queue stats). Reads are plain SQL on the engine's tables.
 */
export class Jobs {
  constructor(private readonly engine: JobsEngine) {}

  /** Every registered job (built-in and domain jobs alike): what history and retry cover. */
  names(): string[] {
    return this.engine.jobNames();
  }

  enqueue(job: string, payload: unknown, options: EnqueueOptions = {}): Promise<string | null> {
    return this.engine.send(job, payload, options);
  }

  /** Latest jobs first; each row is one job with its last try's outcome and its try count. */
  async history(job: string, limit = 50): Promise<JobRun[]> {
    this.engine.definition(job);
    const rows = await this.sql<JobRow>(
      `SELECT id, name, state, retry_count, created_on, started_on, completed_on, output, data
         FROM ${this.engine.schema}.job WHERE name = $1
        ORDER BY created_on DESC, id LIMIT $2`,
      [job, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      job: r.name,
      state: r.state,
      attempts: r.started_on ? r.retry_count + 1 : r.retry_count,
      createdAt: r.created_on,
      startedAt: r.started_on,
      endedAt: r.completed_on,
      durationMs:
        r.started_on && r.completed_on ? r.completed_on.getTime() - r.started_on.getTime() : null,
      error: r.state === 'completed' ? null : errorOf(r.output),
      payload: r.data,
    }));
  }

  async deadLetters(job: string, limit = 100): Promise<DeadLetter[]> {
    this.engine.definition(job);
    const rows = await this.sql<DeadRow>(
      `SELECT id, name, state, retry_count, created_on, started_on, completed_on, output, data,
              source_id, source_name, source_retry_count, source_output
         FROM ${this.engine.schema}.job WHERE name = $1 AND state = 'created'
        ORDER BY created_on, id LIMIT $2`,
      [deadLetterQueueOf(job), limit],
    );
    return rows.map((r) => ({
      id: r.id,
      job,
      originalJobId: r.source_id,
      deadAt: r.created_on,
      attempts: (r.source_retry_count ?? 0) + 1,
      error: errorOf(r.source_output),
      payload: r.data,
    }));
  }

  /** Sends dead letters back to their job for a fresh set of tries; returns how many moved. */
  retryDeadLetters(job: string, ids?: string[]): Promise<number> {
    this.engine.definition(job);
    return this.engine.boss.redrive(deadLetterQueueOf(job), {
      destination: job,
      ...(ids ? { ids } : {}),
    });
  }

  async stats(job: string): Promise<QueueStats> {
    this.engine.definition(job);
    const [row] = await this.sql<{
      waiting: number;
      deferred: number;
      active: number;
      dead: number;
      oldest: number | null;
    }>(
      `WITH now AS (SELECT ${this.engine.schema}.job_now() AS t)
       SELECT count(*) FILTER (WHERE name = $1 AND state IN ('created', 'retry') AND start_after <= now.t)::int AS waiting,
              count(*) FILTER (WHERE name = $1 AND state IN ('created', 'retry') AND start_after > now.t)::int AS deferred,
              count(*) FILTER (WHERE name = $1 AND state = 'active')::int AS active,
              count(*) FILTER (WHERE name = $2 AND state = 'created')::int AS dead,
              extract(epoch FROM now.t - min(created_on) FILTER (
                WHERE name = $1 AND state IN ('created', 'retry') AND start_after <= now.t))::float8 AS oldest
         FROM ${this.engine.schema}.job, now WHERE name IN ($1, $2) GROUP BY now.t`,
      [job, deadLetterQueueOf(job)],
    );
    return {
      job,
      waiting: row?.waiting ?? 0,
      deferred: row?.deferred ?? 0,
      active: row?.active ?? 0,
      deadLetters: row?.dead ?? 0,
      oldestWaitingSeconds: Math.max(0, Math.round(row?.oldest ?? 0)),
    };
  }

  private async sql<R>(text: string, values: unknown[]): Promise<R[]> {
    const { rows } = await this.engine.boss.getDb().executeSql(text, values);
    return rows as R[];
  }
}
