/** One job as history shows it: the outcome of its latest try, and how many tries it took. */
export interface JobRun {
  id: string;
  job: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  /** Tries started (1 = the first try). */
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  error: string | null;
  payload: unknown;
}

export interface DeadLetter {
  /** Id in the dead letter queue (what `retryDeadLetters` takes). */
  id: string;
  job: string;
  originalJobId: string | null;
  deadAt: Date;
  attempts: number;
  error: string | null;
  payload: unknown;
}

export interface QueueStats {
  job: string;
  /** Ready to run now. */
  waiting: number;
  /** Scheduled for later (runAt or a retry's backoff). */
  deferred: number;
  active: number;
  deadLetters: number;
  /** Age of the oldest job ready to run, in seconds (0 when none waits). */
  oldestWaitingSeconds: number;
}

/** pg-boss keeps a thrown error as `output` (serialized: message, stack, …). */
export function errorOf(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  if (typeof output === 'object' && 'message' in output) return String(output.message);
  return JSON.stringify(output);
}
