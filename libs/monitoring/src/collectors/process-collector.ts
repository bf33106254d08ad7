import {
  constants,
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
} from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Metrics } from '../metrics';

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/**
 * The process itself, at each flush: event-loop delay (perf_hooks' histogram, 10 ms resolution,
 * reset per flush), event-loop utilisation over the interval, heap and RSS; every GC pause as it
 * happens (PerformanceObserver). Costs nothing between flushes but a GC callback.
 */
export function watchProcess(metrics: Metrics): () => void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      metrics.histogram('process.gc.pause', entry.duration, {
        kind: (kind !== undefined && GC_KINDS[kind]) || 'other',
      });
    }
  });
  gc.observe({ entryTypes: ['gc'] });

  const remove = metrics.addCollector((m) => {
    const ms = (ns: number) => ns / 1e6;
    if (delay.count > 0) {
      m.gauge('process.event_loop.delay.p50', ms(delay.percentile(50)));
      m.gauge('process.event_loop.delay.p99', ms(delay.percentile(99)));
      m.gauge('process.event_loop.delay.max', ms(delay.max));
    }
    delay.reset();
    const elu = performance.eventLoopUtilization();
    m.gauge(
      'process.event_loop.utilization',
      performance.eventLoopUtilization(elu, lastElu).utilization,
    );
    lastElu = elu;
    const memory = process.memoryUsage();
    m.gauge('process.heap.used_bytes', memory.heapUsed);
    m.gauge('process.heap.total_bytes', memory.heapTotal);
    m.gauge('process.rss_bytes', memory.rss);
  });
  return () => {
    remove();
    delay.disable();
    gc.disconnect();
  };
}
