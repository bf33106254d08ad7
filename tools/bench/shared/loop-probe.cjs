// Preloaded (`node -r`) into a benchmarked server by tools/bench/shared/child-server.ts when asked
// for: it measures, without touching the server's code, what stalls its event loop during a
// measured window — the loop's delay (perf_hooks' monitorEventLoopDelay, 1 ms resolution), its
// utilisation, and every GC pause (a PerformanceObserver on 'gc'). SIGUSR2 starts a window;
// the next SIGUSR2 writes the window's figures as JSON to LOOP_PROBE_FILE and starts another.
// Plain CommonJS so that it loads before the TypeScript loader.
const fs = require('node:fs');
const {
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  constants,
} = require('node:perf_hooks');

const file = process.env.LOOP_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0, over5ms: 0, major: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      if (entry.duration > 5) gc.over5ms++;
      if (entry.detail && entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
    }
  }).observe({ entryTypes: ['gc'] });
  let elu = performance.eventLoopUtilization();
  let since = performance.now();
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const window = {
      seconds: Math.round(performance.now() - since) / 1000,
      loopDelayMs: {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        p999: ms(histogram.percentile(99.9)),
        max: ms(histogram.max),
      },
      utilisation: Math.round(performance.eventLoopUtilization(elu).utilization * 1000) / 1000,
      gc: {
        ...gc,
        totalMs: Math.round(gc.totalMs * 10) / 10,
        maxMs: Math.round(gc.maxMs * 10) / 10,
      },
    };
    // Written whole, then renamed: the reader never sees half a file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(window));
    fs.renameSync(`${file}.tmp`, file);
    histogram.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0, over5ms: 0, major: 0 };
    elu = performance.eventLoopUtilization();
    since = performance.now();
  });
}
