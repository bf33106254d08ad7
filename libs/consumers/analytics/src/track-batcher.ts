import type { AnalyticsSink } from './analytics-sink';
import { RecentIds } from './recent-ids';
import type { TrackRecord } from './track-record';

export interface TrackBatcherOptions {
  sink: AnalyticsSink;
  /** A batch goes out as soon as it has this many records… */
  batchSize: number;
  /** …or this long after its first record arrived. */
  flushMs: number;
  /** Skip messageIds sent within this window (0: never skip; the sink dedupes). */
  dedupeWindowMs: number;
}

interface Waiting {
  record: TrackRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Collects track records into batches by size and time. `add` resolves once the batch holding
 * the record was accepted by the sink, so a delivery is acknowledged only then (a crash before
 * that redelivers it). A messageId already waiting joins its batch; one sent recently is skipped.
 */
export class TrackBatcher {
  private waiting: Waiting[] = [];
  private readonly queued = new Map<string, Promise<void>>();
  private readonly sent: RecentIds;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: TrackBatcherOptions) {
    this.sent = new RecentIds(options.dedupeWindowMs);
  }

  add(record: TrackRecord): Promise<void> {
    if (this.sent.has(record.messageId)) return Promise.resolve();
    const queued = this.queued.get(record.messageId);
    if (queued) return queued;
    const promise = new Promise<void>((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
    });
    this.queued.set(record.messageId, promise);
    if (this.waiting.length >= this.options.batchSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.flushMs);
    return promise;
  }

  /** Sends what is waiting now; resolves when every batch under way has settled. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.batchSize);
      const sending = this.send(batch);
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
    }
  }

  private async send(batch: Waiting[]): Promise<void> {
    const ids = batch.map((w) => w.record.messageId);
    try {
      await this.options.sink.send(batch.map((w) => w.record));
      this.sent.remember(ids);
      for (const w of batch) w.resolve();
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      for (const id of ids) this.queued.delete(id);
    }
  }
}
