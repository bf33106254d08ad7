import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { loadEmailConfig } from '../email-config';
import { createMailer } from './create-mailer';
import { listMailbox, MailboxMailer, readMailboxMessage } from './mailbox-mailer';
import { SmtpMailer } from './smtp-mailer';

describe('local mailbox', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'dailies-mailbox-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is the default without SMTP_URL: messages become .eml files under DATA_DIR/mailbox, listed in order', async () => {
    const config = loadEmailConfig({ DATA_DIR: dataDir });
    const mailer = createMailer(config);
    expect(mailer).toBeInstanceOf(MailboxMailer);
    const dir = path.join(dataDir, 'mailbox');
    expect(await listMailbox(dir)).toEqual([]);

    for (const n of [1, 2]) {
      await mailer.send({
        from: config.from,
        to: `user${n}@example.com`,
        subject: `Hello ${n}`,
        text: `text ${n}`,
        html: `<p>html ${n}</p>`,
        messageId: `<m${n}@dailies.test>`,
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    }
    await mailer.close();

    const entries = await listMailbox(dir);
    expect(entries.map((e) => [e.to, e.subject, e.messageId])).toEqual([
      ['user1@example.com', 'Hello 1', '<m1@dailies.test>'],
      ['user2@example.com', 'Hello 2', '<m2@dailies.test>'],
    ]);
    const parsed = await simpleParser(await readMailboxMessage(dir, entries[1]));
    expect(parsed.subject).toBe('Hello 2');
    expect(parsed.text?.trim()).toBe('text 2');
    expect(parsed.html).toBe('<p>html 2</p>');
    expect(parsed.messageId).toBe('<m2@dailies.test>');
    // mailparser turns List-* headers into objects: the raw line is what we wrote.
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
  });

  it('uses SMTP when SMTP_URL is set, and refuses other URL schemes clearly', async () => {
    const mailer = createMailer(loadEmailConfig({ SMTP_URL: 'smtps://u:p@smtp.example.com:465' }));
    expect(mailer).toBeInstanceOf(SmtpMailer);
    await mailer.close();
    expect(() => loadEmailConfig({ SMTP_URL: 'http://smtp.example.com' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});
