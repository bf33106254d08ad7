import { MemorySink, MetricsHub } from '@dailies/monitoring/core';
import { MetricsProgress } from './metrics-progress';
import { Progress, ProgressDelta } from './progress';

/** Records what reaches the wrapped progress (the bar or log lines). */
class RecordingProgress implements Progress {
  readonly calls: string[] = [];
  start(table: string, total: number | null): void {
    this.calls.push(`start ${table} ${total}`);
  }
  update(table: string, delta: ProgressDelta): void {
    this.calls.push(`update ${table} ${delta.read}/${delta.rejected}`);
  }
  finish(table: string): void {
    this.calls.push(`finish ${table}`);
  }
  close(): void {
    this.calls.push('close');
  }
}

describe('MetricsProgress', () => {
  it('reports rows, rows/s, rejects and ETA per table, and passes every call on', async () => {
    const memory = new MemorySink();
    const hub = new MetricsHub([memory], 60_000);
    const inner = new RecordingProgress();
    const progress = new MetricsProgress(inner, hub);
    progress.start('users', 1000);
    progress.update('users', { read: 400, bytes: 0, rejected: 3 });
    await new Promise((r) => setTimeout(r, 20));
    await hub.flush();
    const users = { table: 'users' };
    expect(memory.value('dynasaur.rows', users)).toBe(400);
    expect(memory.value('dynasaur.rejects', users)).toBe(3);
    expect(memory.value('dynasaur.rows_per_second', users)).toBeGreaterThan(0);
    expect(memory.value('dynasaur.eta_seconds', users)).toBeGreaterThanOrEqual(0);
    expect(memory.value('dynasaur.done', users)).toBe(0);

    progress.update('users', { read: 600, bytes: 0, rejected: 0 });
    progress.finish('users');
    progress.close();
    // The run's last flush (after close) still reports the end state.
    await hub.close();
    expect(memory.value('dynasaur.rows', users)).toBe(1000);
    expect(memory.value('dynasaur.eta_seconds', users)).toBe(0);
    expect(memory.value('dynasaur.done', users)).toBe(1);
    expect(inner.calls).toEqual([
      'start users 1000',
      'update users 400/3',
      'update users 600/0',
      'finish users',
      'close',
    ]);
  });

  it('reports no ETA for a table of unknown size', async () => {
    const memory = new MemorySink();
    const hub = new MetricsHub([memory], 60_000);
    const progress = new MetricsProgress(new RecordingProgress(), hub);
    progress.start('assets', null);
    progress.update('assets', { read: 10, bytes: 0, rejected: 0 });
    await hub.flush();
    expect(memory.value('dynasaur.rows', { table: 'assets' })).toBe(10);
    expect(memory.value('dynasaur.eta_seconds', { table: 'assets' })).toBeUndefined();
  });
});
