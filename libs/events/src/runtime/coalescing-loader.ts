interface Pending<K, V> {
  key: K;
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

export interface CoalescingLoaderOptions {
  /** Keys in one read at most (default 100). */
  maxBatch?: number;
  /**
   * Reads in flight at once (default 1). More than one keeps a slow read from holding up the
   * deliveries that arrive meanwhile; the asks made while every read is busy still go out as one.
   */
  maxInFlight?: number;
}

/**
 * The consumer runtime's batch hook for reads: deliveries of one consumer that run at the same
 * time (its `concurrency`) ask for their facts by key, and the asks of one turn of the event loop
 * — plus every ask made while the reads in flight are busy — go out as ONE read. A consumer under
 * load then reads once per batch of events instead of once per event, while each delivery is
 * still handled, retried, timed out and acknowledged on its own (a failed read fails just the
 * deliveries that asked for it, and the runtime retries each as usual).
 *
 * Hand-written rather than DataLoader (a dependency already): DataLoader batches one tick's keys
 * only and caches by key, while facts must be read fresh on every delivery and the gain under
 * load comes from the asks that arrive while reads are in flight.
 */
export class CoalescingLoader<K, V> {
  private pending: Pending<K, V>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    /** Reads many keys at once; a key missing from the answer resolves to undefined. */
    private readonly readMany: (keys: K[]) => Promise<ReadonlyMap<K, V>>,
    options: CoalescingLoaderOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  load(key: K): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      this.schedule();
    });
  }

  /** Starts reads on the next turn of the event loop, so that one turn's asks go together. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.maxInFlight && this.pending.length > 0) {
        void this.read(this.pending.splice(0, this.maxBatch));
      }
    });
  }

  private async read(batch: Pending<K, V>[]): Promise<void> {
    this.inFlight++;
    try {
      const found = await this.readMany(batch.map((p) => p.key));
      for (const pending of batch) pending.resolve(found.get(pending.key));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
