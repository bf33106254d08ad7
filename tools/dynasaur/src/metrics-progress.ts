import { Metrics } from '@dailies/monitoring/core';
import { BaseProgress, Progress, ProgressDelta, rates } from './progress';

/**
 * Progress as metrics, beside the bar or log lines it wraps: per table at each flush the rows
 * read, rows/s, rejects, the ETA (when the table's size is known) and whether it is done. The
 * run ends with a flush (main.ts closes the metrics), so a short run reports too.
 */
export class MetricsProgress extends BaseProgress {
  constructor(
    private readonly inner: Progress,
    metrics: Metrics,
  ) {
    super();
    metrics.addCollector((m) => {
      for (const [table, state] of this.tables) {
        const r = rates(state);
        const tags = { table };
        m.gauge('dynasaur.rows', state.read, tags);
        m.gauge('dynasaur.rows_per_second', Math.round(r.itemsPerSecond * 10) / 10, tags);
        m.gauge('dynasaur.rejects', state.rejected, tags);
        m.gauge('dynasaur.done', state.done ? 1 : 0, tags);
        if (r.eta !== null)
          m.gauge('dynasaur.eta_seconds', state.done ? 0 : Math.round(r.eta), tags);
      }
    });
  }

  override start(table: string, total: number | null): void {
    super.start(table, total);
    this.inner.start(table, total);
  }

  override update(table: string, delta: ProgressDelta): void {
    super.update(table, delta);
    this.inner.update(table, delta);
  }

  override finish(table: string): void {
    super.finish(table);
    this.inner.finish(table);
  }

  // The collector stays: the last flush (when main.ts closes the metrics) reports the end state.
  close(): void {
    this.inner.close();
  }
}
