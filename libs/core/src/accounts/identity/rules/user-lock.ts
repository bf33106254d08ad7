/** Whether a user is locked now (a lock with `lockedUntil` in the past has ended by itself). */
export function isLocked(
  user: { status: string; lockedUntil: Date | null },
  now: Date = new Date(),
): boolean {
  return user.status === 'locked' && (user.lockedUntil === null || user.lockedUntil > now);
}
