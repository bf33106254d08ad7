import { Counter, Gauge, Registry, Summary } from 'prom-client';
import { MetricSink, Tags } from '../metrics';

type Metric = Counter | Gauge | Summary;

/** `http.request.duration` → `dailies_http_request_duration` (Prometheus' name rules). */
export function prometheusName(prefix: string, name: string): string {
  return `${prefix}${name}`.replace(/[^a-zA-Z0-9_:]/g, '_');
}

/**
 * Prometheus (prom-client), scraped at GET /metrics: counters and gauges as such, histograms as
 * summaries (p50/p95/p99 over the last 10 minutes, in prom-client's bounded t-digest). A metric's
 * label names are those of its first use; tags it did not have then are left out.
 */
export class PrometheusSink implements MetricSink {
  readonly scraped = true;
  readonly registry = new Registry();
  private readonly metrics = new Map<string, { metric: Metric; labels: string[] }>();

  constructor(
    private readonly prefix: string,
    defaultTags: Tags,
  ) {
    this.registry.setDefaultLabels({ ...defaultTags });
  }

  count(name: string, value: number, tags: Tags): void {
    const { metric, labels } = this.get(name, tags, 'counter');
    (metric as Counter).inc(pick(tags, labels), value);
  }

  gauge(name: string, value: number, tags: Tags): void {
    const { metric, labels } = this.get(name, tags, 'gauge');
    (metric as Gauge).set(pick(tags, labels), value);
  }

  histogram(name: string, value: number, tags: Tags): void {
    const { metric, labels } = this.get(name, tags, 'summary');
    (metric as Summary).observe(pick(tags, labels), value);
  }

  async flush(): Promise<void> {
    // Scraped, not pushed.
  }

  async close(): Promise<void> {
    this.registry.clear();
  }

  private get(name: string, tags: Tags, kind: 'counter' | 'gauge' | 'summary') {
    const id = prometheusName(this.prefix, name) + (kind === 'counter' ? '_total' : '');
    let entry = this.metrics.get(id);
    if (!entry) {
      const labelNames = Object.keys(tags).sort();
      const common = { name: id, help: name, labelNames, registers: [this.registry] };
      const metric =
        kind === 'counter'
          ? new Counter(common)
          : kind === 'gauge'
            ? new Gauge(common)
            : new Summary({
                ...common,
                percentiles: [0.5, 0.95, 0.99],
                maxAgeSeconds: 600,
                ageBuckets: 5,
              });
      entry = { metric, labels: labelNames };
      this.metrics.set(id, entry);
    }
    return entry;
  }
}

function pick(tags: Tags, labels: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const label of labels) out[label] = tags[label] ?? '';
  return out;
}
