import { LatencyWindow } from './latency-window';

describe('LatencyWindow', () => {
  it('summarises the samples it holds', () => {
    const window = new LatencyWindow(1_000);
    expect(window.summary()).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    for (let ms = 100; ms >= 1; ms--) window.record(ms);
    expect(window.summary()).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('keeps only the most recent samples', () => {
    const window = new LatencyWindow(10);
    for (let i = 0; i < 100; i++) window.record(1_000);
    for (let i = 0; i < 10; i++) window.record(1);
    expect(window.summary()).toMatchObject({ count: 10, max: 1 });
  });
});
