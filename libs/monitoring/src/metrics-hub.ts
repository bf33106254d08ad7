import { Collector, Metrics, MetricSink, Tags } from './metrics';

const NO_TAGS: Tags = Object.freeze({});

/**
 * The process' Metrics: records into every sink at once, runs the collectors and flushes on a
 * timer (METRICS_FLUSH_INTERVAL_MS). A collector that throws (a pool already closed, a query
 * that failed) is reported and skipped; it never stops the others or the flush.
 */
export class MetricsHub extends Metrics {
  private readonly collectors = new Set<Collector>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly sinks: readonly MetricSink[],
    private readonly flushIntervalMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    super();
  }

  increment(name: string, value = 1, tags: Tags = NO_TAGS): void {
    for (const sink of this.sinks) sink.count(name, value, tags);
  }

  gauge(name: string, value: number, tags: Tags = NO_TAGS): void {
    if (!Number.isFinite(value)) return;
    for (const sink of this.sinks) sink.gauge(name, value, tags);
  }

  histogram(name: string, value: number, tags: Tags = NO_TAGS): void {
    if (!Number.isFinite(value)) return;
    for (const sink of this.sinks) sink.histogram(name, value, tags);
  }

  addCollector(collector: Collector): () => void {
    this.collectors.add(collector);
    return () => this.collectors.delete(collector);
  }

  /**
   * Starts the flush timer (unref'd: it never keeps a process alive). Sinks that are only read
   * on demand (memory, Prometheus) need none: their page or scrape runs the collectors.
   */
  start(): void {
    if (this.timer || this.closed || this.sinks.every((s) => s.scraped)) return;
    this.timer = setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  /** Runs the collectors only (a scrape of /metrics reads fresh gauges without a flush). */
  async collect(): Promise<void> {
    await Promise.all(
      [...this.collectors].map(async (collect) => {
        try {
          await collect(this);
        } catch (error) {
          this.onError(error);
        }
      }),
    );
  }

  /** One flush at a time: a second caller waits for the running one, then flushes again. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = (async () => {
      await this.collect();
      await Promise.all(this.sinks.map((s) => s.flush().catch((e: unknown) => this.onError(e))));
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  /** A last flush, bounded by `timeoutMs` (an unreachable intake must not hold up shutdown). */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.onError(new Error(`the last metrics flush did not finish within ${timeoutMs} ms`));
        resolve();
      }, timeoutMs);
    });
    await Promise.race([
      (async () => {
        await this.flush();
        await Promise.all(this.sinks.map((s) => s.close().catch((e: unknown) => this.onError(e))));
      })(),
      timeout,
    ]);
    clearTimeout(timer);
  }
}
