import { Module } from '@nestjs/common';
import { UsageConsumer } from './usage.consumer';

/** The usage consumer; needs EventRuntimeModule in the process to receive events. */
@Module({ providers: [UsageConsumer], exports: [UsageConsumer] })
export class UsageConsumerModule {}
