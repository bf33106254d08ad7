import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { NotificationsRead } from '../../events';
import { unreadCount } from '../../services/unread-count';
import { MarkNotificationsReadCommand } from './mark-notifications-read.command';

export interface UnreadCountView {
  unreadCount: number;
}

/**
 * Marks the caller's own unread notifications read. Ids that are unknown, already read or
 * someone else's are ignored: the answer (the unread count) says where the inbox stands.
 */
@CommandHandler(MarkNotificationsReadCommand)
export class MarkNotificationsReadHandler implements ICommandHandler<
  MarkNotificationsReadCommand,
  UnreadCountView
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: MarkNotificationsReadCommand): Promise<UnreadCountView> {
    return this.uow.run(async (tx, events) => {
      const ids = input.ids?.filter(isUuid);
      const { count } = await tx.notification.updateMany({
        where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
        data: { readAt: new Date() },
      });
      if (count > 0) {
        events.record(
          new NotificationsRead({
            actor,
            subject: { type: 'user', id: actor.id },
            payload: { count, all: input.all === true },
          }),
        );
      }
      return { unreadCount: await unreadCount(tx, actor.id) };
    });
  }
}
