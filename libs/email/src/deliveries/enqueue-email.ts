import { createHash } from 'node:crypto';
import { addressOf } from '../email-config';
import { EmailTx, queryRows } from '../sql-executor';
import { RenderedMail } from '../templates/rendered-mail';

/** A mail to record for sending. */
export interface EmailToSend {
  /** invitation, email-verification, password-reset, added-to-project, digest, … */
  kind: string;
  to: string;
  mail: RenderedMail;
  /** The user it is about (digests are found by it). */
  userId?: string | null;
  /** The mailing list ('digest'); null = transactional. Suppressions are checked per list. */
  list?: string | null;
  headers?: Record<string, string>;
  /** Digests: the end of the notification window this digest covers. */
  windowEnd?: Date | null;
}

/** The JSON kept in email_deliveries.message: everything the sender needs. */
export interface StoredMessage {
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** `<hash-of-key@sender-domain>`: the same key always gives the same Message-ID. */
export function messageIdFor(key: string, from: string): string {
  const domain = addressOf(from).split('@')[1] ?? 'dailies.localhost';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

/**
 * Records a mail to send, in the caller's transaction: if it commits, the mail goes out (once);
 * if it rolls back, it never does. The idempotency key names the decision ("password-reset:<token
 * id>", "digest:<user>:<window end>"): recording the same key again does nothing and returns
 * false, so a job re-run after a crash cannot send twice.
 */
export async function enqueueEmail(
  tx: EmailTx,
  key: string,
  message: EmailToSend,
  options: { from: string },
): Promise<boolean> {
  const stored: StoredMessage = {
    from: options.from,
    subject: message.mail.subject,
    text: message.mail.text,
    html: message.mail.html,
    headers: message.headers ?? {},
  };
  const rows = await queryRows<{ inserted: boolean }>(
    tx,
    `INSERT INTO email_deliveries
       (idempotency_key, kind, user_id, recipient, list, message, message_id, window_end)
     VALUES ($1, $2, $3::uuid, $4, $5, $6::jsonb, $7, $8::timestamptz)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING true AS inserted`,
    [
      key,
      message.kind,
      message.userId ?? null,
      message.to.trim(),
      message.list ?? null,
      JSON.stringify(stored),
      messageIdFor(key, options.from),
      message.windowEnd?.toISOString() ?? null,
    ],
  );
  return rows.length > 0;
}
