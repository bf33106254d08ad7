import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { CacheModule } from '@dailies/cache';
import { AnalyticsConsumerModule } from '@dailies/consumer-analytics';
import { AuditConsumerModule } from '@dailies/consumer-audit';
import { CacheConsumerModule } from '@dailies/consumer-cache';
import { NotificationsConsumerModule } from '@dailies/consumer-notifications';
import { UsageConsumerModule } from '@dailies/consumer-usage';
import { EventRuntimeModule, EventRuntimeStats, EventsConfig } from '@dailies/events';
import { Readiness } from '@dailies/http';
import { EventMetrics } from './metrics/consumer-metrics.collector';

/** /health/ready turns 'degraded' when a consumer falls behind (EVENTS_MAX_LAG_SECONDS). */
@Injectable()
class EventsReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: Readiness,
    private readonly stats: EventRuntimeStats,
  ) {}

  onModuleInit(): void {
    this.readiness.register('events', () => this.stats.readinessCheck());
  }
}

/**
 * The event system of every process: the durable runtime and the five consumers. Every process
 * that commits must know the consumers (their delivery rows are written in the committing
 * transaction), so all apps import this; EVENTS_DELIVER=false makes a process only record work
 * for the instances that run the consumers.
 */
@Module({})
export class EventSystemModule {
  static forRoot(config: EventsConfig): DynamicModule {
    return {
      module: EventSystemModule,
      imports: [
        EventRuntimeModule.forRoot({
          deliver: config.EVENTS_DELIVER,
          sweepIntervalMs: config.EVENTS_SWEEP_INTERVAL_MS,
          leaseMs: config.EVENTS_LEASE_SECONDS * 1000,
          shutdownGraceMs: config.EVENTS_SHUTDOWN_GRACE_MS,
          maxLagMs: config.EVENTS_MAX_LAG_SECONDS * 1000,
        }),
        CacheModule,
        AuditConsumerModule,
        AnalyticsConsumerModule,
        UsageConsumerModule,
        NotificationsConsumerModule,
        CacheConsumerModule,
      ],
      providers: [EventsReadiness, EventMetrics],
    };
  }
}
