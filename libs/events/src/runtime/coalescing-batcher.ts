/**
 * Writes items in batches without a fixed delay: the first item goes out on the next turn of
 * the event loop (together with whatever the same turn added), and everything that arrives while
 * a write is in flight goes into the next one. Quiet periods get low latency, busy ones few
 * round trips — a time window (bufferTime) would add its delay to every quiet ack.
 */
export class CoalescingBatcher<T> {
  private pending: T[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly onError: (error: unknown, batch: readonly T[]) => void,
    private readonly maxBatch = 500,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  push(item: T): void {
    this.pending.push(item);
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  /** Resolves once everything pushed so far has been written (or failed). */
  async flush(): Promise<void> {
    while (this.running || this.pending.length > 0) {
      this.start();
      await this.running;
    }
  }

  private start(): void {
    if (this.running || this.pending.length === 0) return;
    this.running = this.writeAll().finally(() => {
      this.running = null;
    });
  }

  private async writeAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.write(batch);
      } catch (error) {
        this.onError(error, batch);
      }
    }
  }
}
