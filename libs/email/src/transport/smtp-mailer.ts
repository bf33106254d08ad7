import nodemailer, { SendMailOptions, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { Mailer, OutgoingMail, SentMail } from './mailer';

/**
 * SMTP through nodemailer's pooled transport: connections are reused across sends. TLS follows
 * the URL (smtps:// = TLS from the start; smtp:// = STARTTLS when the server offers it; URL
 * parameters such as `?requireTLS=true` are nodemailer's own).
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;

  constructor(url: string, options: { maxConnections?: number } = {}) {
    const pool: SMTPPool.Options = { url, pool: true, maxConnections: options.maxConnections ?? 5 };
    this.transport = nodemailer.createTransport(pool);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    await this.transport.sendMail(toNodemailer(mail));
    return { messageId: mail.messageId };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

export function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
  };
}
