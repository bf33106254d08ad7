import cliProgress from 'cli-progress';

export interface ProgressDelta {
  read: number;
  bytes: number;
  rejected: number;
}

export interface Progress {
  start(table: string, total: number | null): void;
  update(table: string, delta: ProgressDelta): void;
  finish(table: string): void;
  close(): void;
}

export interface TableState extends ProgressDelta {
  total: number | null;
  started: number;
  done: boolean;
}

const mb = (bytes: number) => bytes / 1_048_576;

export function rates(state: TableState) {
  const seconds = Math.max(0.001, (Date.now() - state.started) / 1000);
  const itemsPerSecond = state.read / seconds;
  const eta =
    state.total && itemsPerSecond > 0
      ? Math.max(0, (state.total - state.read) / itemsPerSecond)
      : null;
  return { seconds, itemsPerSecond, mbPerSecond: mb(state.bytes) / seconds, eta };
}

export abstract class BaseProgress implements Progress {
  protected readonly tables = new Map<string, TableState>();

  start(table: string, total: number | null): void {
    this.tables.set(table, {
      total,
      started: Date.now(),
      done: false,
      read: 0,
      bytes: 0,
      rejected: 0,
    });
  }

  update(table: string, delta: ProgressDelta): void {
    const state = this.tables.get(table);
    if (!state) return;
    state.read += delta.read;
    state.bytes += delta.bytes;
    state.rejected += delta.rejected;
  }

  finish(table: string): void {
    const state = this.tables.get(table);
    if (state) state.done = true;
  }

  abstract close(): void;
}

/** On a terminal: one live bar per table (items/s, MB/s, rejects, ETA when the total is known). */
export class BarProgress extends BaseProgress {
  private readonly multibar = new cliProgress.MultiBar(
    {
      format:
        ' {table} |{bar}| {value}/{totalText} items | {rate} items/s | {mbs} MB/s | {rejected} rejected | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private readonly timer = setInterval(() => this.render(), 500);

  override start(table: string, total: number | null): void {
    super.start(table, total);
    this.bars.set(table, this.multibar.create(total ?? 0, 0, this.payload(table)));
  }

  override finish(table: string): void {
    super.finish(table);
    this.render();
  }

  private payload(table: string) {
    const state = this.tables.get(table);
    if (!state) return {};
    const r = rates(state);
    return {
      table: table.padEnd(12),
      totalText: state.total ?? '?',
      rate: Math.round(r.itemsPerSecond),
      mbs: r.mbPerSecond.toFixed(1),
      rejected: state.rejected,
      etaText: state.done ? 'done' : r.eta === null ? '?' : `${Math.round(r.eta)}s`,
    };
  }

  private render(): void {
    for (const [table, bar] of this.bars) {
      const state = this.tables.get(table);
      if (!state) continue;
      if (state.total !== null && state.read > state.total) bar.setTotal(state.read);
      bar.update(state.read, this.payload(table));
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.render();
    this.multibar.stop();
  }
}

/** Not on a terminal (containers, CI): a JSON line per table every few seconds. */
export class LogProgress extends BaseProgress {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly write: (line: string) => void,
    intervalMs = 5000,
  ) {
    super();
    this.timer = setInterval(() => this.report(), intervalMs);
    this.timer.unref();
  }

  override finish(table: string): void {
    super.finish(table);
    this.reportTable(table);
  }

  private report(): void {
    for (const [table, state] of this.tables) if (!state.done) this.reportTable(table);
  }

  private reportTable(table: string): void {
    const state = this.tables.get(table);
    if (!state) return;
    const r = rates(state);
    this.write(
      JSON.stringify({
        time: new Date().toISOString(),
        msg: 'progress',
        table,
        read: state.read,
        total: state.total,
        rejected: state.rejected,
        itemsPerSecond: Math.round(r.itemsPerSecond),
        mbPerSecond: Number(r.mbPerSecond.toFixed(2)),
        etaSeconds: r.eta === null ? null : Math.round(r.eta),
        done: state.done,
      }),
    );
  }

  close(): void {
    clearInterval(this.timer);
  }
}

export class SilentProgress extends BaseProgress {
  close(): void {
    this.tables.clear();
  }
}
