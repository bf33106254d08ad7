import { Module } from '@nestjs/common';
import { AuditConsumer } from './audit.consumer';

/** The audit log consumer; needs EventRuntimeModule in the process to receive events. */
@Module({ providers: [AuditConsumer], exports: [AuditConsumer] })
export class AuditConsumerModule {}
