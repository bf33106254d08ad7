import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConsumerStats, EventRuntimeStats } from '@dailies/events';
import { CumulativeCounter, Metrics } from '@dailies/monitoring';

/**
 * Every event consumer, from the runtime's own statistics (EventRuntimeStats): what this instance
 * handled, failed, retried and dead-lettered since the last flush (counters), and the levels —
 * lag of the oldest pending delivery, queue depth (pending in the database), buffered here, the
 * executor pool (running / total), dead letters waiting.
 */
export function consumerMetricsCollector(snapshot: () => Promise<ConsumerStats[]>) {
  const counters = new CumulativeCounter();
  return async (metrics: Metrics): Promise<void> => {
    for (const s of await snapshot()) {
      const tags = { consumer: s.consumer };
      counters.report(metrics, 'events.consumer.handled', s.delivered, tags);
      counters.report(metrics, 'events.consumer.failed', s.failed, tags);
      counters.report(metrics, 'events.consumer.retried', s.retried, tags);
      counters.report(metrics, 'events.consumer.dead_lettered', s.deadLettered, tags);
      counters.report(metrics, 'events.consumer.timed_out', s.timedOut, tags);
      metrics.gauge('events.consumer.lag_ms', s.lagMs, tags);
      metrics.gauge('events.consumer.queue_depth', s.pending, tags);
      metrics.gauge('events.consumer.buffered', s.buffered, tags);
      metrics.gauge('events.consumer.pool.running', s.inFlight, tags);
      metrics.gauge('events.consumer.pool.total', s.concurrency, tags);
      metrics.gauge('events.consumer.dead_letters', s.deadLetters, tags);
      metrics.gauge('events.consumer.handling_ms.p95', s.handlingMs.p95, tags);
    }
  };
}

/** Registers the consumers' collector while the event runtime is up. */
@Injectable()
export class EventMetrics implements OnModuleInit, OnModuleDestroy {
  private stop: (() => void) | undefined;

  constructor(
    private readonly metrics: Metrics,
    private readonly stats: EventRuntimeStats,
  ) {}

  onModuleInit(): void {
    this.stop = this.metrics.addCollector(consumerMetricsCollector(() => this.stats.snapshot()));
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
