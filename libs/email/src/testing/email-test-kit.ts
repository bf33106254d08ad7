import { Pool } from 'pg';
import { EmailOutbox } from '../email-outbox';
import { EmailTx } from '../sql-executor';
import { UnsubscribeTokens } from '../unsubscribe/unsubscribe-token';

export const TEST_FROM = 'Dailies <no-reply@dailies.test>';
export const TEST_PUBLIC_URL = 'https://app.dailies.test';
export const TEST_SECRET = 'email-test-secret-that-is-long-enough-0000';

export function testOutbox(): EmailOutbox {
  return new EmailOutbox(
    { from: TEST_FROM, publicUrl: TEST_PUBLIC_URL, unsubscribeMailto: 'unsubscribe@dailies.test' },
    new UnsubscribeTokens(TEST_SECRET),
  );
}

/** Runs `work` in BEGIN … COMMIT on one pooled client (a rejected work rolls back). */
export async function inTransaction<T>(pool: Pool, work: (tx: EmailTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export interface DeliveryRow {
  idempotency_key: string;
  recipient: string;
  status: string;
  attempts: number;
  message_id: string;
  last_error: string | null;
}

export async function deliveries(pool: Pool): Promise<DeliveryRow[]> {
  const { rows } = await pool.query<DeliveryRow>(
    'SELECT idempotency_key, recipient, status::text, attempts, message_id, last_error FROM email_deliveries ORDER BY idempotency_key',
  );
  return rows;
}
