import type { BufferedMetricsLogger } from 'datadog-metrics';
import { MetricSink, tagList, Tags } from '../metrics';
import { DatadogSeriesReporter } from './datadog-series-reporter';
import { HistogramBuffer } from './histogram-buffer';

export interface DatadogSinkOptions {
  apiUrl: string;
  apiKey: string;
  prefix: string;
  defaultTags: Tags;
  onError(error: unknown): void;
}

/**
 * Datadog through datadog-metrics: counters and gauges go to its buffer (one value per series per
 * flush); histograms are aggregated here in bounded memory (the library's Histogram keeps every
 * sample) and handed over at flush as `.count` (a count) and `.avg`, `.p95`, `.max` (gauges).
 * The library's own timer is off: the hub flushes on METRICS_FLUSH_INTERVAL_MS, after its
 * collectors have read their gauges.
 */
export class DatadogSink implements MetricSink {
  private readonly logger: BufferedMetricsLogger;
  private readonly histograms = new HistogramBuffer();

  constructor(options: DatadogSinkOptions) {
    // Loaded here, not at the top: datadog-metrics loads Datadog's whole API client (seconds of
    // start-up on a busy machine), which only processes with this sink should pay for.
    const { BufferedMetricsLogger: Logger } =
      require('datadog-metrics') as typeof import('datadog-metrics');
    this.logger = new Logger({
      prefix: options.prefix,
      defaultTags: tagList(options.defaultTags),
      flushIntervalSeconds: 0,
      reporter: new DatadogSeriesReporter({ apiUrl: options.apiUrl, apiKey: options.apiKey }),
      onError: options.onError,
    });
  }

  count(name: string, value: number, tags: Tags): void {
    this.logger.increment(name, value, tagList(tags));
  }

  gauge(name: string, value: number, tags: Tags): void {
    this.logger.gauge(name, value, tagList(tags));
  }

  histogram(name: string, value: number, tags: Tags): void {
    this.histograms.record(name, value, tags);
  }

  async flush(): Promise<void> {
    for (const { name, tags, summary } of this.histograms.drain()) {
      const list = tagList(tags);
      this.logger.increment(`${name}.count`, summary.count, list);
      this.logger.gauge(`${name}.avg`, round(summary.avg), list);
      this.logger.gauge(`${name}.p95`, round(summary.p95), list);
      this.logger.gauge(`${name}.max`, round(summary.max), list);
    }
    // The logger reports a failed send to onError; the promise rejects too (not ours to rethrow:
    // a Datadog outage must not break the process, the next flush carries on).
    await this.logger.flush().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.logger.stop({ flush: false });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
