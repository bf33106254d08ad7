import { setTimeout as sleep } from 'node:timers/promises';
import type { AnalyticsSink } from './analytics-sink';
import type { TrackRecord } from './track-record';

export interface SegmentSinkOptions {
  /** Segment's batch endpoint, or anything that speaks its HTTP tracking API. */
  endpoint: string;
  writeKey: string;
  /** Tries per batch, the first included (default 4). */
  attempts?: number;
  /** Wait before the second try; doubles each time (default 250 ms). */
  retryDelayMs?: number;
  /** Per request (default 5 s). */
  requestTimeoutMs?: number;
}

export class AnalyticsDeliveryError extends Error {}

/**
 * Posts batches to Segment's HTTP tracking API (`{batch, sentAt}`, Basic auth with the write key
 * as user name). Server errors, 429 and network failures are retried with backoff; anything
 * else fails the batch at once (its deliveries are retried later by the runtime, then
 * dead-lettered: a rejected batch needs a person to look at it).
 */
export class SegmentSink implements AnalyticsSink {
  private readonly authorization: string;
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: SegmentSinkOptions) {
    this.authorization = `Basic ${Buffer.from(`${options.writeKey}:`).toString('base64')}`;
    this.attempts = options.attempts ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
  }

  async send(batch: readonly TrackRecord[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.post(batch);
      if (outcome.ok) return;
      if (!outcome.retryable || attempt >= this.attempts) throw outcome.error;
      await sleep(this.retryDelayMs * 2 ** (attempt - 1));
    }
  }

  private async post(
    batch: readonly TrackRecord[],
  ): Promise<{ ok: true } | { ok: false; retryable: boolean; error: Error }> {
    try {
      const response = await fetch(this.options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: this.authorization },
        body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      // Read the body so that the connection can be reused.
      await response.arrayBuffer();
      if (response.ok) return { ok: true };
      return {
        ok: false,
        retryable: response.status >= 500 || response.status === 429,
        error: new AnalyticsDeliveryError(`The analytics endpoint answered ${response.status}`),
      };
    } catch (error) {
      // Connection refused or reset, DNS, timeout: worth another try.
      return {
        ok: false,
        retryable: true,
        error: error instanceof Error ? error : new AnalyticsDeliveryError(String(error)),
      };
    }
  }
}
