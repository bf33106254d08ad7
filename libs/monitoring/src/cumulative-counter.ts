import { Metrics, seriesKey, Tags } from './metrics';

/**
 * Turns totals that only grow (a consumer's handled count since start) into counter increments:
 * each call adds what grew since the previous call for the same series — zero too, so a series
 * exists (and a dashboard shows 0) before the first failure.
 */
export class CumulativeCounter {
  private readonly last = new Map<string, number>();

  report(metrics: Metrics, name: string, total: number, tags: Tags): void {
    const key = seriesKey(name, tags);
    const previous = this.last.get(key) ?? 0;
    this.last.set(key, total);
    // A total smaller than before means its source restarted: all of it is new.
    const delta = total >= previous ? total - previous : total;
    metrics.increment(name, delta, tags);
  }
}
