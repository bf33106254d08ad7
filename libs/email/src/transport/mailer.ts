/** A rendered message, ready for any transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`: stable per idempotency key, so receivers can drop a resend after a crash. */
  messageId: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post, …). */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
}

/** Where mail goes: SMTP (production: Amazon SES's SMTP interface) or the local mailbox folder. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}

/** Nest injection token of the configured Mailer. */
export const MAILER = Symbol('MAILER');
