import { BoundedHistogram } from '../bounded-histogram';
import { MetricSink, seriesKey, Tags } from '../metrics';

interface Series<T> {
  name: string;
  tags: Tags;
  value: T;
}

/**
 * Metrics kept in the process (no sink configured): counters since start, last gauges, and
 * histograms since start (bounded). Development shows them at GET /metrics (`render`).
 */
export class MemorySink implements MetricSink {
  readonly scraped = true;
  private readonly counters = new Map<string, Series<number>>();
  private readonly gauges = new Map<string, Series<number>>();
  private readonly histograms = new Map<string, Series<BoundedHistogram>>();

  count(name: string, value: number, tags: Tags): void {
    const key = seriesKey(name, tags);
    const series = this.counters.get(key);
    if (series) series.value += value;
    else this.counters.set(key, { name, tags, value });
  }

  gauge(name: string, value: number, tags: Tags): void {
    this.gauges.set(seriesKey(name, tags), { name, tags, value });
  }

  histogram(name: string, value: number, tags: Tags): void {
    const key = seriesKey(name, tags);
    let series = this.histograms.get(key);
    if (!series) {
      series = { name, tags, value: new BoundedHistogram() };
      this.histograms.set(key, series);
    }
    series.value.record(value);
  }

  /** The current value of a counter or gauge (tests, the page). */
  value(name: string, tags: Tags = {}): number | undefined {
    const key = seriesKey(name, tags);
    return this.counters.get(key)?.value ?? this.gauges.get(key)?.value;
  }

  /** One line per series, `name{tag="value"} value`, like Prometheus' text format. */
  render(prefix: string, defaultTags: Tags): string {
    const lines: string[] = [];
    const line = (name: string, tags: Tags, value: number) =>
      lines.push(`${prefix}${name}${labels({ ...defaultTags, ...tags })} ${format(value)}`);
    for (const s of sorted(this.counters)) line(s.name, s.tags, s.value);
    for (const s of sorted(this.gauges)) line(s.name, s.tags, s.value);
    for (const s of sorted(this.histograms)) {
      const summary = s.value.summary();
      line(`${s.name}.count`, s.tags, summary.count);
      line(`${s.name}.avg`, s.tags, summary.avg);
      line(`${s.name}.p95`, s.tags, summary.p95);
      line(`${s.name}.max`, s.tags, summary.max);
    }
    return `${lines.join('\n')}\n`;
  }

  async flush(): Promise<void> {
    // Kept, not sent.
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}

function sorted<T>(map: Map<string, Series<T>>): Series<T>[] {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, s]) => s);
}

function labels(tags: Tags): string {
  const entries = Object.entries(tags);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
