import { Db } from '../../shared/db';

/** Unread in-app notifications of a user (e-mail-only rows are stored as read, see the marker). */
export function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
