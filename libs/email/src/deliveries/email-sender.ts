import type { Pool, PoolClient } from 'pg';
import { isSuppressed } from '../suppression-list';
import { Mailer } from '../transport/mailer';
import { StoredMessage } from './enqueue-email';

export interface EmailSenderOptions {
  /** Sends tried before a delivery is marked failed. */
  maxAttempts: number;
  /** Pause before retry n (1-based); default: 30 s doubling, capped at 1 h. */
  retryDelayMs?: (attempt: number) => number;
}

export type SendOutcome = 'sent' | 'suppressed' | 'retry' | 'failed';

interface ClaimedRow {
  idempotency_key: string;
  recipient: string;
  list: string | null;
  message: StoredMessage;
  message_id: string;
  attempts: number;
}

const defaultRetryDelay = (attempt: number): number =>
  Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

/**
 * Sends queued deliveries, one row per transaction: claim it (`FOR UPDATE SKIP LOCKED`, so
 * senders on any number of instances never take the same row), check the suppression list, send,
 * mark it sent, commit. The row lock lives as long as the connection: if the process dies, the
 * transaction rolls back and the row is queued again for the next sender.
 *
 * The one duplicate window: the SMTP server accepted the message but the process died before
 * COMMIT (one UPDATE's round trip). SMTP has no idempotency, so that mail is sent again after
 * restart — with the same Message-ID (derived from the idempotency key), which lets receivers
 * and our own logs recognise the resend.
 */
export class EmailSender {
  private readonly retryDelayMs: (attempt: number) => number;

  constructor(
    private readonly pool: Pool,
    private readonly mailer: Mailer,
    private readonly options: EmailSenderOptions,
  ) {
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
  }

  /** Sends until nothing is due (or `limit` rows were handled); returns the outcomes. */
  async drain(limit = Number.POSITIVE_INFINITY): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = [];
    while (outcomes.length < limit) {
      const outcome = await this.sendNext();
      if (outcome === null) break;
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** Handles one due delivery; null when none is due (or all due ones are held by others). */
  async sendNext(): Promise<SendOutcome | null> {
    // An idle poll (the usual case) costs one indexed read and no transaction.
    const due = await this.pool.query(
      `SELECT 1 FROM email_deliveries WHERE status = 'queued' AND available_at <= now() LIMIT 1`,
    );
    if (due.rowCount === 0) return null;
    const client = await this.pool.connect();
    // A connection lost while the SMTP send runs (no query active) is reported as an 'error'
    // event; unheard, it would crash the process. The next query fails and rolls back instead.
    const ignoreLostConnection = () => undefined;
    client.on('error', ignoreLostConnection);
    let broken = false;
    try {
      await client.query('BEGIN');
      const outcome = await this.handleOne(client);
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', ignoreLostConnection);
      client.release(broken);
    }
  }

  private async handleOne(client: PoolClient): Promise<SendOutcome | null> {
    const { rows } = await client.query<ClaimedRow>(
      `SELECT idempotency_key, recipient, list, message, message_id, attempts
         FROM email_deliveries
        WHERE status = 'queued' AND available_at <= now()
        ORDER BY available_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
    );
    const row = rows[0];
    if (!row) return null;
    if (await isSuppressed(client, row.recipient, row.list)) {
      await this.mark(client, row.idempotency_key, 'suppressed', row.attempts, null);
      return 'suppressed';
    }
    const attempts = row.attempts + 1;
    try {
      await this.mailer.send({
        from: row.message.from,
        to: row.recipient,
        subject: row.message.subject,
        text: row.message.text,
        html: row.message.html,
        headers: row.message.headers,
        messageId: row.message_id,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempts >= this.options.maxAttempts) {
        await this.mark(client, row.idempotency_key, 'failed', attempts, message);
        return 'failed';
      }
      await client.query(
        `UPDATE email_deliveries
            SET attempts = $2, last_error = $3, available_at = now() + make_interval(secs => $4::float8 / 1000)
          WHERE idempotency_key = $1`,
        [row.idempotency_key, attempts, message.slice(0, 2000), this.retryDelayMs(attempts)],
      );
      return 'retry';
    }
    await this.mark(client, row.idempotency_key, 'sent', attempts, null);
    return 'sent';
  }

  private async mark(
    client: PoolClient,
    key: string,
    status: 'sent' | 'failed' | 'suppressed',
    attempts: number,
    error: string | null,
  ): Promise<void> {
    await client.query(
      `UPDATE email_deliveries
          SET status = $2::email_delivery_status, attempts = $3, last_error = $4,
              sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
        WHERE idempotency_key = $1`,
      [key, status, attempts, error?.slice(0, 2000) ?? null],
    );
  }
}
