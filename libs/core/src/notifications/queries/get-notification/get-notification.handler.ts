import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { notFound } from '../../../shared/errors';
import { EMAIL_ONLY_READ_AT } from '../../services/email-only-marker';
import { NotificationView, toNotificationView } from '../../views/notification.view';
import { GetNotificationQuery } from './get-notification.query';

@QueryHandler(GetNotificationQuery)
export class GetNotificationHandler implements IQueryHandler<
  GetNotificationQuery,
  NotificationView
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, notificationId }: GetNotificationQuery): Promise<NotificationView> {
    const row = isUuid(notificationId)
      ? await this.prisma.notification.findFirst({
          where: { id: notificationId, userId: actor.id },
        })
      : null;
    // E-mail-only rows are not in the inbox (see email-only-marker.ts).
    if (!row || row.readAt?.getTime() === EMAIL_ONLY_READ_AT.getTime()) {
      throw notFound('Notification');
    }
    return toNotificationView(row);
  }
}
