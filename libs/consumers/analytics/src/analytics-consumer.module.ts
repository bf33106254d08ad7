import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { PrismaService } from '@dailies/db';
import { AnalyticsConfig } from './analytics.config';
import { AnalyticsConsumer } from './analytics.consumer';
import { ANALYTICS_SINK, AnalyticsSink } from './analytics-sink';
import { SegmentSink } from './segment-sink';
import { TableSink } from './table-sink';

type SinkSettings = Pick<
  AnalyticsConfig,
  'ANALYTICS_SINK' | 'ANALYTICS_ENDPOINT' | 'ANALYTICS_WRITE_KEY'
>;

export function createAnalyticsSink(config: SinkSettings, prisma: PrismaService): AnalyticsSink {
  if (config.ANALYTICS_SINK === 'table') return new TableSink(prisma);
  if (!config.ANALYTICS_WRITE_KEY) {
    throw new Error('ANALYTICS_WRITE_KEY is required when ANALYTICS_SINK=segment');
  }
  return new SegmentSink({
    endpoint: config.ANALYTICS_ENDPOINT,
    writeKey: config.ANALYTICS_WRITE_KEY,
  });
}

/**
 * The analytics consumer with the sink ANALYTICS_SINK names; needs EventRuntimeModule in the
 * process to receive events.
 */
@Module({
  providers: [
    {
      provide: ANALYTICS_SINK,
      inject: [APP_CONFIG, PrismaService],
      useFactory: createAnalyticsSink,
    },
    AnalyticsConsumer,
  ],
  exports: [AnalyticsConsumer],
})
export class AnalyticsConsumerModule {}
