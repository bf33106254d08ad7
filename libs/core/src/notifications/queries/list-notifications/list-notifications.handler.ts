import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { validationFailed } from '../../../shared/errors';
import {
  decodeCursor,
  itemCursorsOf,
  Page,
  toPage,
  withItemCursors,
} from '../../../shared/pagination';
import { EMAIL_ONLY_READ_AT } from '../../services/email-only-marker';
import { unreadCount } from '../../services/unread-count';
import { NotificationView, toNotificationView } from '../../views/notification.view';
import { ListNotificationsQuery } from './list-notifications.query';

export type NotificationPage = Page<NotificationView> & { unreadCount: number };

/** The caller's inbox, newest first, with the unread count (for the badge) on every page. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<
  ListNotificationsQuery,
  NotificationPage
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, input }: ListNotificationsQuery): Promise<NotificationPage> {
    const after = afterOf(input.cursor);
    const where: Prisma.NotificationWhereInput = {
      userId: actor.id,
      AND: [
        input.unread
          ? { readAt: null }
          : { OR: [{ readAt: null }, { readAt: { not: EMAIL_ONLY_READ_AT } }] },
        after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {},
      ],
    };
    const [rows, unread] = await Promise.all([
      this.prisma.notification.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
      }),
      unreadCount(this.prisma, actor.id),
    ]);
    const page = toPage(
      rows,
      input.limit,
      (n) => [n.createdAt.toISOString(), n.id],
      toNotificationView,
    );
    // A new object: it keeps the page's per-item cursors too.
    return withItemCursors({ ...page, unreadCount: unread }, () => itemCursorsOf(page) ?? []);
  }
}

function afterOf(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  const key = decodeCursor(cursor, ['time', 'id']);
  if (!key) return undefined;
  const createdAt = new Date(String(key[0]));
  const id = String(key[1]);
  if (Number.isNaN(createdAt.getTime()) || !isUuid(id)) {
    throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  }
  return { createdAt, id };
}
