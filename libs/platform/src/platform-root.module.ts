import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { AlertingModule, ErrorAlerts } from '@dailies/alerting';
import { APP_CONFIG } from '@dailies/config';
import { CoreModule, CoreOptions } from '@dailies/core';
import { DatabaseModule } from '@dailies/db';
import { EmailModule, loadEmailConfig } from '@dailies/email';
import { DEAD_LETTER_REPORTER, DeadLetterReporter } from '@dailies/events';
import { HttpModule, Readiness } from '@dailies/http';
import { Clock, JobsModule } from '@dailies/jobs';
import { MonitoringModule } from '@dailies/monitoring';
import { resolveStorageConfig, StorageModule } from '@dailies/storage';
import { EventSystemModule } from './event-system.module';
import { MediaProcessingModule } from './media/media-processing.module';
import { jobSchedules, scheduledJobs } from './jobs/scheduled-jobs';
import { PlatformMetricsModule } from './metrics/platform-metrics.module';
import { PlatformConfig } from './platform.config';
import { HlsPlaylistRoutes } from './media/hls-playlist-routes';
import { LocalStorageRoutes } from './storage/local-storage-routes';

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
  /** The `app` tag of this process' metrics (core-api, munger, cron…; default `platform`). */
  app?: string;
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
        // First: every module after it records into its Metrics; it flushes last at shutdown.
        MonitoringModule.forRoot({ app: options.app ?? 'platform', config: options.config }),
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.config.DB_POOL_SIZE }),
        CoreModule.forRoot(options.core),
        // Transactional mail is recorded by the domain in its transactions; every process sends
        // what is queued (claims are SKIP LOCKED, so several senders never send one row twice).
        EmailModule.forRoot({
          config: loadEmailConfig(options.config),
          fallbackSigningSecret: options.core.jwtKeys[0]?.secret,
        }),
        // Uncaught errors grouped and mailed (ALERT_EMAILS); after e-mail, whose outbox it uses.
        AlertingModule.forRoot({
          config: options.config,
          environment: options.config.NODE_ENV,
          clock: options.clock,
        }),
        // Object storage (S3, or files on disk whose signed URLs this process serves).
        StorageModule.forRoot({
          config: resolveStorageConfig(options.config),
          fallbackSigningSecret: options.core.jwtKeys[0]?.secret,
          publicUrl: options.config.PUBLIC_URL ?? `http://localhost:${options.config.PORT}`,
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
                // A job's last failed attempt is an uncaught error (earlier ones are retried).
                onFinalFailure: (job, error, get) =>
                  (get(ErrorAlerts) as ErrorAlerts).report(error, `job:${job}`),
              }),
            ]
          : []),
        PlatformMetricsModule,
        ...options.features,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        // A consumer that gave up on an event: an uncaught error (the event is dead-lettered).
        {
          provide: DEAD_LETTER_REPORTER,
          inject: [ErrorAlerts],
          useFactory:
            (alerts: ErrorAlerts): DeadLetterReporter =>
            (consumer, _eventId, error) =>
              alerts.report(error, `consumer:${consumer}`),
        },
        ...(options.http === false ? [] : [LocalStorageRoutes, HlsPlaylistRoutes]),
      ],
      exports: [APP_CONFIG, DEAD_LETTER_REPORTER],
    };
  }
}
