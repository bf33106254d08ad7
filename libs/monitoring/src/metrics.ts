/** Tags of one series: `{ route: '/v2/assets/:id', status_class: '2xx' }` (keep values few). */
export type Tags = Readonly<Record<string, string>>;

/** Reads a source (a pool, a queue, the event loop) and records what it finds, before a flush. */
export type Collector = (metrics: Metrics) => void | Promise<void>;

/**
 * The one metrics interface of the code base. Names are dotted (`http.request.duration`); the sink
 * adds the prefix (`dailies.`) and the process' `app` and `instance` tags. Recording is cheap and
 * synchronous (a map update); sending happens on the flush interval.
 */
export abstract class Metrics {
  /** Adds to a counter (events that happened: requests, failures, retries). */
  abstract increment(name: string, value?: number, tags?: Tags): void;
  /** Sets a gauge (a level at this moment: queue depth, heap, connections). */
  abstract gauge(name: string, value: number, tags?: Tags): void;
  /**
   * Records one sample of a distribution (a duration in ms, a size); reported per flush as
   * `.count`, `.avg`, `.p95` and `.max`.
   */
  abstract histogram(name: string, value: number, tags?: Tags): void;
  /** Runs `collector` before every flush (and every scrape of /metrics). Returns its removal. */
  abstract addCollector(collector: Collector): () => void;
  /** Runs the collectors and sends what is buffered now. */
  abstract flush(): Promise<void>;
  /** A last flush, then stops timers and connections. */
  abstract close(): Promise<void>;
}

/** Where recorded metrics go: Datadog's API, a StatsD agent, Prometheus, memory. */
export interface MetricSink {
  /** Read on demand (a page, a scrape) rather than pushed: needs no flush timer. */
  readonly scraped?: boolean;
  count(name: string, value: number, tags: Tags): void;
  gauge(name: string, value: number, tags: Tags): void;
  histogram(name: string, value: number, tags: Tags): void;
  /** Sends what is buffered (sinks that are scraped or push at once do nothing). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** `{ a: '1', b: '2' }` → `['a:1', 'b:2']` (Datadog's and StatsD's tag form). */
export function tagList(tags: Tags): string[] {
  return Object.entries(tags).map(([key, value]) => `${key}:${value}`);
}

/** A stable key of a name and its tags (tag order does not matter). */
export function seriesKey(name: string, tags: Tags): string {
  const keys = Object.keys(tags);
  if (keys.length === 0) return name;
  keys.sort();
  let key = name;
  for (const k of keys) key += `|${k}=${tags[k]}`;
  return key;
}
