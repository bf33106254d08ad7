import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { Mailer, OutgoingMail, SentMail } from './mailer';
import { toNodemailer } from './smtp-mailer';

/** One line of the mailbox index (`index.jsonl`): what the support tool lists. */
export interface MailboxEntry {
  file: string;
  messageId: string;
  to: string;
  subject: string;
  date: string;
}

const INDEX = 'index.jsonl';

/**
 * The local default when no SMTP server is configured: each message is written, exactly as it
 * would go over SMTP, to `<dir>/<time>-<n>.eml` (opens in any mail client), and a line is appended
 * to `index.jsonl` so the messages can be listed without parsing them.
 */
export class MailboxMailer implements Mailer {
  // nodemailer's stream transport builds the same MIME message SMTP would carry.
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  private counter = 0;

  constructor(readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.composer.sendMail(toNodemailer(mail));
    const raw = info.message;
    if (!Buffer.isBuffer(raw)) throw new Error('the mailbox expects a buffered message');
    await mkdir(this.dir, { recursive: true });
    const date = new Date();
    const file = `${date.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++this.counter}.eml`;
    await writeFile(path.join(this.dir, file), raw);
    const entry: MailboxEntry = {
      file,
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      date: date.toISOString(),
    };
    await appendFile(path.join(this.dir, INDEX), `${JSON.stringify(entry)}\n`);
    return { messageId: mail.messageId };
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}

/** The mailbox's messages, oldest first (none when the folder does not exist yet). */
export async function listMailbox(dir: string): Promise<MailboxEntry[]> {
  let text: string;
  try {
    text = await readFile(path.join(dir, INDEX), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MailboxEntry);
}

/** The raw `.eml` of a listed message. */
export async function readMailboxMessage(dir: string, entry: MailboxEntry): Promise<Buffer> {
  return readFile(path.join(dir, path.basename(entry.file)));
}
