import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@dailies/db';
import { builtinJobs, builtinSchedules, Clock, JobsModule } from '@dailies/jobs';

export interface CronRootOptions {
  databaseUrl: string;
  clock?: Clock;
}

/** What the cron process runs: the database and the job engine with every job and schedule. */
@Module({})
export class CronRootModule {
  static forRoot(options: CronRootOptions): DynamicModule {
    return {
      module: CronRootModule,
      imports: [
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: 4 }),
        JobsModule.forRoot({
          jobs: builtinJobs,
          schedules: builtinSchedules,
          clock: options.clock,
        }),
      ],
    };
  }
}
