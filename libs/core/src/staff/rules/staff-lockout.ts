/**
 * Staff sign-in lock-out: after MAX_FAILURES consecutive failures (wrong password or wrong
 * code) the account refuses every attempt, right or wrong, for LOCK_MINUTES. Stored on the row,
 * so every instance shares it.
 */
export const STAFF_MAX_FAILURES = 5;
export const STAFF_LOCK_MINUTES = 15;
