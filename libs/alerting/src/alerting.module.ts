import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SqlPool } from '@dailies/db';
import { EmailOutbox } from '@dailies/email';
import { AlertingConfig } from './alerting.config';
import { AlertClock, ErrorAlerts } from './error-alerts';

export interface AlertingModuleOptions {
  config: AlertingConfig;
  /** NODE_ENV, named in the mails' subjects. */
  environment: string;
  /** Default the system's; tests pass the jobs' TestClock. */
  clock?: AlertClock;
}

class AlertingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(ErrorAlerts) private readonly alerts: ErrorAlerts) {}
  onApplicationBootstrap(): void {
    this.alerts.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.alerts.stop();
  }
}

/**
 * `ErrorAlerts` for every module of the process (global: transports' error filters, the event
 * runtime and the job engine report to it). Needs DatabaseModule and EmailModule.
 */
@Module({})
export class AlertingModule {
  static forRoot(options: AlertingModuleOptions): DynamicModule {
    return {
      module: AlertingModule,
      global: true,
      providers: [
        {
          provide: ErrorAlerts,
          inject: [SqlPool, EmailOutbox],
          useFactory: (sql: SqlPool, outbox: EmailOutbox) => {
            const log = new Logger('alerting');
            return new ErrorAlerts(sql.pool, outbox, {
              recipients: options.config.ALERT_EMAILS,
              windowMs: options.config.ALERT_WINDOW_MS,
              environment: options.environment,
              clock: options.clock,
              log: (message) => log.warn(message),
            });
          },
        },
        AlertingLifecycle,
      ],
      exports: [ErrorAlerts],
    };
  }
}
