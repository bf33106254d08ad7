import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { CoreModule, CoreOptions } from '@dailies/core';
import { DatabaseModule } from '@dailies/db';
import { EmailModule, loadEmailConfig } from '@dailies/email';
import { HttpModule, Readiness } from '@dailies/http';
import { Clock, JobsModule } from '@dailies/jobs';
import { EventSystemModule } from './event-system.module';
import { MediaProcessingModule } from './media/media-processing.module';
import { jobSchedules, scheduledJobs } from './jobs/scheduled-jobs';
import { PlatformConfig } from './platform.config';

export interface PlatformRootOptions {
  config: PlatformConfig;
  databaseUrl: string;
  core: CoreOptions;
  /** The transports this process serves (REST /v2, GraphQL, /v1, the support tool…). */
  features: Type<unknown>[];
  /** false for workers: no HTTP transport rules, readiness checks only (startWorker). */
  http?: boolean;
  /** The jobs' clock (tests pass a TestClock). */
  clock?: Clock;
}

/** A worker's readiness checks (database, event lag), served by its small health server. */
@Global()
@Module({ providers: [Readiness], exports: [Readiness] })
class WorkerReadinessModule {}

/** The root module every process boots: database, domain, event system, HTTP or not, features. */
@Global()
@Module({})
export class PlatformRootModule {
  static forRoot(options: PlatformRootOptions): DynamicModule {
    return {
      module: PlatformRootModule,
      imports: [
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.config.DB_POOL_SIZE }),
        CoreModule.forRoot(options.core),
        // Transactional mail is recorded by the domain in its transactions; every process sends
        // what is queued (claims are SKIP LOCKED, so several senders never send one row twice).
        EmailModule.forRoot({
          config: loadEmailConfig(options.config),
          fallbackSigningSecret: options.core.jwtKeys[0]?.secret,
        }),
        options.http === false ? WorkerReadinessModule : HttpModule,
        // After the database: shuts down (finishing in-flight deliveries) before its pool closes.
        EventSystemModule.forRoot(options.config),
        // What the media processing job runs with (binaries, media files, processor).
        MediaProcessingModule,
        // The schedules and job workers of the one registry (JOBS_ENABLED, default on).
        ...(options.config.JOBS_ENABLED
          ? [
              JobsModule.forRoot({
                jobs: scheduledJobs,
                schedules: jobSchedules(options.config),
                clock: options.clock,
              }),
            ]
          : []),
        ...options.features,
      ],
      providers: [{ provide: APP_CONFIG, useValue: options.config }],
      exports: [APP_CONFIG],
    };
  }
}
