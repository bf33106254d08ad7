import { CumulativeCounter } from './cumulative-counter';
import { MetricsHub } from './metrics-hub';
import { MemorySink } from './sinks/memory-sink';

describe('CumulativeCounter', () => {
  it('adds what a growing total grew by since the last report, per series', () => {
    const memory = new MemorySink();
    const hub = new MetricsHub([memory], 60_000);
    const counter = new CumulativeCounter();
    counter.report(hub, 'handled', 5, { consumer: 'audit' });
    counter.report(hub, 'handled', 2, { consumer: 'usage' });
    counter.report(hub, 'handled', 9, { consumer: 'audit' });
    expect(memory.value('handled', { consumer: 'audit' })).toBe(9);
    expect(memory.value('handled', { consumer: 'usage' })).toBe(2);
  });

  it('reports zero when nothing grew (the series exists), and a restart as all new', () => {
    const increments: number[] = [];
    const sink = new MemorySink();
    const hub = new MetricsHub([sink], 60_000);
    const spy = jest
      .spyOn(hub, 'increment')
      .mockImplementation((_n, v) => void increments.push(v ?? 1));
    const counter = new CumulativeCounter();
    counter.report(hub, 'failed', 3, {});
    counter.report(hub, 'failed', 3, {});
    counter.report(hub, 'failed', 1, {});
    expect(increments).toEqual([3, 0, 1]);
    spy.mockRestore();
  });
});
