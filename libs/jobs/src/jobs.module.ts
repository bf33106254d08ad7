import {
  DynamicModule,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DATABASE_URL } from '@dailies/db';
import { JobDefinition } from './define-job';
import { Jobs } from './jobs';
import { Clock, JobsEngine } from './pg-boss-engine';
import { ScheduleDefinition } from './schedule';

export interface JobsModuleOptions {
  jobs: readonly JobDefinition[];
  schedules?: readonly ScheduleDefinition[];
  /** Run handlers here (default true); an API-only process can set false and still enqueue. */
  work?: boolean;
  /** Take part in firing schedules (default true). */
  runSchedules?: boolean;
  /** Tests pass a `TestClock` and move it. */
  clock?: Clock;
  schema?: string;
  pollingIntervalSeconds?: number;
  /**
   * A job failed its last attempt. `get` resolves a provider (the platform reports the error to
   * libs/alerting's ErrorAlerts through it).
   */
  onFinalFailure?: (job: string, error: unknown, get: (token: unknown) => unknown) => void;
}

const JOBS_MODULE_OPTIONS = Symbol('JOBS_MODULE_OPTIONS');

/** Starts the engine (schema install, queues, schedules, workers) once every module is up. */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Jobs');
  constructor(private readonly engine: JobsEngine) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
    this.log.log('job engine started');
  }

  // Like the event runtime: import JobsModule after DatabaseModule so running handlers finish
  // before the pools they use close.
  async onModuleDestroy(): Promise<void> {
    await this.engine.stop();
  }
}

@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [
        { provide: JOBS_MODULE_OPTIONS, useValue: options },
        {
          provide: JobsEngine,
          inject: [JOBS_MODULE_OPTIONS, DATABASE_URL, ModuleRef],
          useFactory: (o: JobsModuleOptions, url: string, moduleRef: ModuleRef) => {
            const log = new Logger('Jobs');
            return new JobsEngine({
              url,
              definitions: o.jobs,
              schedules: o.schedules ?? [],
              work: o.work,
              runSchedules: o.runSchedules,
              clock: o.clock,
              schema: o.schema,
              pollingIntervalSeconds: o.pollingIntervalSeconds,
              resolve: (token) => moduleRef.get(token, { strict: false }),
              onError: (error) => log.error(error.message),
              onFinalFailure: o.onFinalFailure
                ? (job, error) =>
                    o.onFinalFailure?.(job, error, (token) =>
                      moduleRef.get(token as never, { strict: false }),
                    )
                : undefined,
            });
          },
        },
        { provide: Jobs, inject: [JobsEngine], useFactory: (e: JobsEngine) => new Jobs(e) },
        JobsLifecycle,
      ],
      exports: [Jobs, JobsEngine],
    };
  }
}
