import { Module } from '@nestjs/common';
import { NotificationsConsumer } from './notifications.consumer';
import { NoopPushSender, PUSH_SENDER } from './push-sender';

/**
 * The notifications consumer. Import it into the platform root next to EventRuntimeModule; to
 * push for real, override PUSH_SENDER (the default sends nothing).
 */
@Module({
  providers: [NotificationsConsumer, { provide: PUSH_SENDER, useClass: NoopPushSender }],
  exports: [NotificationsConsumer, PUSH_SENDER],
})
export class NotificationsConsumerModule {}
