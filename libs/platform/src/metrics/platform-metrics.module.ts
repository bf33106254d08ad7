import { Injectable, Module, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { PrismaService, SqlPool } from '@dailies/db';
import { Jobs, JobsEngine } from '@dailies/jobs';
import { Metrics } from '@dailies/monitoring';
import { watchJobs } from './job-metrics.collector';
import { poolMetricsCollector } from './pool-metrics.collector';

/**
 * The platform's own sources, read at every flush: jobs (the engine's runs and queues, when this
 * process runs the job engine) and the database pools. Event consumers are read by EventMetrics
 * (event-system.module.ts, beside the runtime); HTTP, GraphQL and the process are hooked where
 * they live (libs/monitoring, libs/api-graphql).
 */
@Injectable()
class PlatformMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly metrics: Metrics,
    private readonly prisma: PrismaService,
    private readonly sql: SqlPool,
    @Optional() private readonly jobsEngine?: JobsEngine,
    @Optional() private readonly jobs?: Jobs,
  ) {}

  onModuleInit(): void {
    this.stops.push(
      this.metrics.addCollector(
        poolMetricsCollector({ prisma: this.prisma.connectionPool, sql: this.sql.pool }),
      ),
    );
    if (this.jobsEngine && this.jobs)
      this.stops.push(watchJobs(this.metrics, this.jobsEngine, this.jobs));
  }

  // Before the pools close: the last flush at shutdown must not read closed pools.
  onModuleDestroy(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

@Module({ providers: [PlatformMetrics] })
export class PlatformMetricsModule {}
