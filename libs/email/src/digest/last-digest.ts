import { EmailTx, queryRows } from '../sql-executor';

/**
 * The end of the window of the user's latest recorded digest (whatever its status: a suppressed
 * or failed digest still covered its window), or null if none — decideDigest's lastWindowEnd.
 */
export async function lastDigestWindowEnd(tx: EmailTx, userId: string): Promise<Date | null> {
  const rows = await queryRows<{ window_end: Date | null }>(
    tx,
    `SELECT max(window_end) AS window_end FROM email_deliveries WHERE user_id = $1::uuid AND kind = 'digest'`,
    [userId],
  );
  const value = rows[0]?.window_end ?? null;
  return value ? new Date(value) : null;
}
