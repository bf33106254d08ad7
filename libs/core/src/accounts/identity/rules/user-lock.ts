/**
 * The one lock mechanism: `users.status = 'locked'` (set by LockUserCommand, cleared by
 * UnlockUserCommand) and, for a lock support gave an end, its `staff_user_locks` row. The lock
 * has ended by itself once that row's end has passed (the next sign-in also lifts it for good).
 */
export interface LockFacts {
  status: string;
  staffLock: { lockedUntil: Date } | null;
}

/** Whether a user is locked now. */
export function isLocked(user: LockFacts, now: Date = new Date()): boolean {
  return user.status === 'locked' && (user.staffLock === null || user.staffLock.lockedUntil > now);
}

/** What to select of a user to call isLocked. */
export const lockFactsSelect = {
  status: true,
  staffLock: { select: { lockedUntil: true } },
} as const;
