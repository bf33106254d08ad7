import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { Consumer, ConsumerOptions, DomainEvent, EventConsumer } from '@dailies/events';
import { AnalyticsConfig } from './analytics.config';
import { ANALYTICS_SINK, AnalyticsSink } from './analytics-sink';
import { TrackBatcher } from './track-batcher';
import { toTrack } from './track-record';

export type AnalyticsSettings = Pick<
  AnalyticsConfig,
  'ANALYTICS_SINK' | 'ANALYTICS_BATCH_SIZE' | 'ANALYTICS_FLUSH_MS' | 'ANALYTICS_DEDUPE_MINUTES'
>;

/**
 * Sends every event to analytics as a Segment `track` record, in batches. A delivery stays in
 * flight until its batch was accepted, so the concurrency must hold two full batches (one being
 * sent, one filling up); the timeout leaves room for the sink's own retries.
 */
@Consumer()
@Injectable()
export class AnalyticsConsumer implements EventConsumer, OnModuleDestroy {
  readonly options: ConsumerOptions;
  private readonly batcher: TrackBatcher;

  constructor(
    @Inject(APP_CONFIG) config: AnalyticsSettings,
    @Inject(ANALYTICS_SINK) sink: AnalyticsSink,
  ) {
    this.options = {
      name: 'analytics',
      events: '*',
      concurrency: config.ANALYTICS_BATCH_SIZE * 2,
      bufferSize: 1024,
      timeoutMs: config.ANALYTICS_FLUSH_MS + 30_000,
    };
    this.batcher = new TrackBatcher({
      sink,
      batchSize: config.ANALYTICS_BATCH_SIZE,
      flushMs: config.ANALYTICS_FLUSH_MS,
      // The table dedupes by its primary key; Segment dedupes too, but only within its own
      // window, so the HTTP sink also skips what it sent recently.
      dedupeWindowMs:
        config.ANALYTICS_SINK === 'segment' ? config.ANALYTICS_DEDUPE_MINUTES * 60_000 : 0,
    });
  }

  handle(event: DomainEvent): Promise<void> {
    return this.batcher.add(toTrack(event));
  }

  /** Shutting down: send what is waiting rather than let it wait for its timer. */
  async onModuleDestroy(): Promise<void> {
    await this.batcher.drain();
  }
}
