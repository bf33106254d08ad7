import { EmailConfig } from '../email-config';
import { MailboxMailer } from './mailbox-mailer';
import { Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

/** SMTP when SMTP_URL is set, else the local mailbox folder: `npm start` needs no mail server. */
export function createMailer(config: Pick<EmailConfig, 'smtpUrl' | 'mailboxDir'>): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl) : new MailboxMailer(config.mailboxDir);
}
