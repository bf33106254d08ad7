import { EmailTx, queryRows } from '../sql-executor';

/**
 * The end of the window of the user's latest recorded digest (whatever its status: a suppressed
 * or failed digest still covered its window), or null if none — decideDigest's lastWindowEnd.
 *
 * It first takes a transaction-scoped advisory lock on the user's digest, so two digest runs that
 * overlap (two instances, or a run still going when the next starts) decide one after the other:
 * the second reads the first's committed row (a new statement, a new snapshot) instead of
 * composing an overlapping window. The lock ends with the caller's transaction.
 */
export async function lastDigestWindowEnd(tx: EmailTx, userId: string): Promise<Date | null> {
  await queryRows(tx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text AS locked`, [
    `email-digest:${userId}`,
  ]);
  const rows = await queryRows<{ window_end: Date | null }>(
    tx,
    `SELECT max(window_end) AS window_end FROM email_deliveries WHERE user_id = $1::uuid AND kind = 'digest'`,
    [userId],
  );
  const value = rows[0]?.window_end ?? null;
  return value ? new Date(value) : null;
}
