import { StatsD } from 'hot-shots';
import { MetricSink, Tags } from '../metrics';

export interface StatsdSinkOptions {
  host: string;
  port: number;
  prefix: string;
  defaultTags: Tags;
  onError(error: unknown): void;
}

/**
 * A DogStatsD agent (hot-shots over UDP): every call is a datagram in hot-shots' buffer, sent
 * when it fills or each second; the agent aggregates (its histograms report `.count`, `.avg`,
 * `.95percentile`, `.max`, per the agent's `histogram_aggregates`/`histogram_percentiles`).
 */
export class StatsdSink implements MetricSink {
  private readonly client: StatsD;

  constructor(options: StatsdSinkOptions) {
    this.client = new StatsD({
      host: options.host,
      port: options.port,
      prefix: options.prefix,
      globalTags: { ...options.defaultTags },
      maxBufferSize: 1400,
      bufferFlushInterval: 1000,
      errorHandler: options.onError,
    });
  }

  count(name: string, value: number, tags: Tags): void {
    this.client.increment(name, value, { ...tags });
  }

  gauge(name: string, value: number, tags: Tags): void {
    this.client.gauge(name, value, { ...tags });
  }

  histogram(name: string, value: number, tags: Tags): void {
    this.client.histogram(name, value, { ...tags });
  }

  async flush(): Promise<void> {
    // hot-shots sends its buffer on its own timer; nothing is held here.
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.client.close(() => resolve()));
  }
}
