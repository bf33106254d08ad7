export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Errors worth another try: throttling, 5xx, timeouts and dropped connections. */
export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    name?: string;
    code?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  if (e.$retryable) return true;
  return (
    [
      'ProvisionedThroughputExceededException',
      'ThrottlingException',
      'RequestLimitExceeded',
      'InternalServerError',
      'ServiceUnavailable',
      'TimeoutError',
      'RequestTimeout',
    ].includes(e.name ?? '') ||
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'].includes(e.code ?? '')
  );
}

/**
 * Retries `fn` on transient errors with exponential backoff and full jitter. The SDK retries a
 * few times on its own; this outer loop outlasts longer throttling, always from the same page.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !isTransient(error)) throw error;
      const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
      const delay = Math.round(cap / 2 + Math.random() * (cap / 2));
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/** Caps the items read per second across every segment of a run (`--max-read-rate`). */
export class RateLimiter {
  private readonly started = Date.now();
  private consumed = 0;

  constructor(private readonly perSecond: number) {}

  /** Waits until reading `items` more keeps the average at or below the rate. */
  async take(items: number): Promise<void> {
    this.consumed += items;
    const due = this.started + (this.consumed / this.perSecond) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
  }
}
