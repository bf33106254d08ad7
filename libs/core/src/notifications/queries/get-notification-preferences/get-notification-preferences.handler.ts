import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import {
  effectivePreferences,
  NotificationPreferences,
  readStoredPreferences,
} from '../../preferences/notification-preferences';
import { GetNotificationPreferencesQuery } from './get-notification-preferences.query';

/** The caller's stored choices merged over the defaults, every kind spelled out. */
@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<
  GetNotificationPreferencesQuery,
  NotificationPreferences
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor }: GetNotificationPreferencesQuery): Promise<NotificationPreferences> {
    const settings = await this.prisma.notificationSettings.findUnique({
      where: { userId: actor.id },
      select: { preferences: true },
    });
    return effectivePreferences(readStoredPreferences(settings?.preferences));
  }
}
