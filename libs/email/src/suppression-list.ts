import { EmailTx, queryRows } from './sql-executor';

export type SuppressionReason = 'bounce' | 'complaint' | 'unsubscribe';

/** A suppression for every list (bounces, complaints) rather than one list (unsubscribes). */
export const ALL_LISTS = '*';

/** Records that an address must not be mailed (all lists, or one list); repeating is harmless. */
export async function suppressAddress(
  tx: EmailTx,
  address: string,
  reason: SuppressionReason,
  options: { list?: string; detail?: string } = {},
): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO email_suppressions (address, list, reason, detail) VALUES ($1, $2, $3::email_suppression_reason, $4)
     ON CONFLICT (address, list) DO NOTHING`,
    [address.trim().toLowerCase(), options.list ?? ALL_LISTS, reason, options.detail ?? null],
  );
}

/** Whether mail to `address` (on `list`, or transactional when null) is suppressed. */
export async function isSuppressed(
  tx: EmailTx,
  address: string,
  list: string | null,
): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    tx,
    `SELECT 1 AS found FROM email_suppressions WHERE address = $1 AND (list = '*' OR list = $2) LIMIT 1`,
    [address.trim().toLowerCase(), list ?? ALL_LISTS],
  );
  return rows.length > 0;
}
