import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventsModule } from '@dailies/events';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { createEventRegistry } from './event-registry';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationsModule } from './operations/operations.module';
import { ProjectsModule } from './projects/projects.module';
import { StaffModule } from './staff/staff.module';
import { UsageModule } from './usage/usage.module';
import { CORE_OPTIONS, CoreOptions } from './shared/core-options';
import { TransactionalMail } from './shared/transactional-mail';

/** The domain: both contexts, their command and query handlers, and the event registry. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        CqrsModule.forRoot(),
        EventsModule.forRoot(createEventRegistry()),
        AccountsModule,
        ProjectsModule,
        NotificationsModule,
        AuditModule,
        UsageModule,
        OperationsModule,
        StaffModule,
      ],
      providers: [{ provide: CORE_OPTIONS, useValue: options }, TransactionalMail],
      exports: [
        CORE_OPTIONS,
        TransactionalMail,
        CqrsModule,
        AccountsModule,
        ProjectsModule,
        NotificationsModule,
        AuditModule,
        UsageModule,
      ],
    };
  }
}
