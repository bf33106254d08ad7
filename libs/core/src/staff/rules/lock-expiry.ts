import { Db } from '../../shared/db';

/**
 * Whether a locked user's lock has an end that has passed. Called at sign-in, which then
 * unlocks the user (ReleaseExpiredLock in the same transaction as the sign-in's checks).
 */
export async function lockHasExpired(db: Db, userId: string, now = new Date()): Promise<boolean> {
  const lock = await db.staffUserLock.findUnique({ where: { userId } });
  return lock !== null && lock.lockedUntil <= now;
}
