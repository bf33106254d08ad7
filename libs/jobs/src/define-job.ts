import { z } from 'zod';

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** The jobs clock's time (a test clock in tests), not Date.now(). */
  now(): Date;
  /** Aborted when the job's timeout passes; long handlers should stop then. */
  signal: AbortSignal;
  /** A provider of the Nest application the jobs run in (resolved across modules). */
  get<T>(token: abstract new (...args: never[]) => T): T;
}

export interface JobOptions {
  /** Retries after the first try; the job is dead-lettered when the last one fails (default 3). */
  retries?: number;
  /** Delay before a retry in seconds; doubled per retry with jitter, capped by maxDelaySeconds. */
  backoff?: { delaySeconds: number; maxDelaySeconds?: number; exponential?: boolean };
  /** A try that runs longer than this fails (and is retried) (default 15 minutes). */
  timeoutSeconds?: number;
}

export interface JobDefinition<P = unknown> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  readonly options: Required<Pick<JobOptions, 'retries' | 'timeoutSeconds'>> & {
    backoff: { delaySeconds: number; maxDelaySeconds?: number; exponential: boolean };
  };
  // Method syntax: a definition of any payload type fits a list of `JobDefinition` (bivariance).
  handle(payload: P, ctx: JobContext): Promise<void>;
}

/** Engine queue names: letters, digits, `_`, `-`, `.`, `/` (pg-boss's rule, checked early). */
const JOB_NAME = /^[a-z][a-z0-9_.-]*$/;

/**
 * A job: a name, the zod schema of its payload (checked when enqueued and again when run), its
 * retry policy and its handler. Handlers are plain functions that reach their services through
 * `ctx.get`, so a definition is a value that modules can list.
 */
export function defineJob<P>(
  name: string,
  payload: z.ZodType<P>,
  handle: (payload: P, ctx: JobContext) => Promise<void>,
  options: JobOptions = {},
): JobDefinition<P> {
  if (!JOB_NAME.test(name)) throw new Error(`Invalid job name "${name}" (want ${JOB_NAME})`);
  return {
    name,
    payload,
    handle,
    options: {
      retries: options.retries ?? 3,
      timeoutSeconds: options.timeoutSeconds ?? 15 * 60,
      backoff: {
        delaySeconds: options.backoff?.delaySeconds ?? 30,
        maxDelaySeconds: options.backoff?.maxDelaySeconds,
        exponential: options.backoff?.exponential ?? true,
      },
    },
  };
}

/** Name of the queue a job's exhausted tries land in. */
export function deadLetterQueueOf(name: string): string {
  return `${name}.dead`;
}
