import { BoundedHistogram, HistogramSummary } from '../bounded-histogram';
import { seriesKey, Tags } from '../metrics';

interface Series {
  name: string;
  tags: Tags;
  histogram: BoundedHistogram;
}

/** Bounded histograms per series, emptied at each flush (what the last interval saw). */
export class HistogramBuffer {
  private series = new Map<string, Series>();

  record(name: string, value: number, tags: Tags): void {
    const key = seriesKey(name, tags);
    let series = this.series.get(key);
    if (!series) {
      series = { name, tags, histogram: new BoundedHistogram() };
      this.series.set(key, series);
    }
    series.histogram.record(value);
  }

  /** The summaries since the last drain, and a fresh start. */
  drain(): { name: string; tags: Tags; summary: HistogramSummary }[] {
    const drained = [...this.series.values()];
    this.series = new Map();
    return drained.map((s) => ({ name: s.name, tags: s.tags, summary: s.histogram.summary() }));
  }
}
