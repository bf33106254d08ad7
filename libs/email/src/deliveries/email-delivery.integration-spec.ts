import { PrismaService } from '@dailies/db';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Pool } from 'pg';
import { composeDigest } from '../digest/compose-digest';
import { decideDigest } from '../digest/digest-schedule';
import { lastDigestWindowEnd } from '../digest/last-digest';
import { suppressAddress } from '../suppression-list';
import { passwordResetMail } from '../templates/transactional';
import { deliveries, inTransaction, testOutbox, TEST_PUBLIC_URL } from '../testing/email-test-kit';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { Mailer } from '../transport/mailer';
import { SmtpMailer } from '../transport/smtp-mailer';
import { EmailSender } from './email-sender';
import { EmailSendLoop } from './email-send-loop';

const outbox = testOutbox();
const ana = {
  userId: '11111111-1111-4111-8111-111111111111',
  email: 'ana@example.com',
  name: 'Ana',
  emailVerified: true,
};

function resetMail(to: string, token = 't') {
  return {
    kind: 'password-reset',
    to,
    mail: passwordResetMail({ name: 'Ana', resetUrl: outbox.links.passwordReset(token) }),
  };
}

describe('e-mail deliveries over SMTP', () => {
  let url: string;
  let pool: Pool;
  let smtp: SmtpTestServer;
  let mailer: SmtpMailer;
  let sender: EmailSender;

  beforeEach(async () => {
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 4 });
    smtp = await new SmtpTestServer().start();
    mailer = new SmtpMailer(smtp.url);
    sender = new EmailSender(pool, mailer, { maxAttempts: 3 });
  });

  afterEach(async () => {
    await mailer.close();
    await smtp.stop();
    await pool.end();
    await dropTestDatabase(url);
  });

  it('sends a digest with text and HTML parts, RFC 8058 headers and absolute links', async () => {
    const decision = decideDigest({
      preference: 'daily',
      timeZone: 'America/Los_Angeles',
      dailyHour: 8,
      now: new Date('2026-06-01T16:00:00Z'),
      lastWindowEnd: null,
    });
    const digest = composeDigest(
      { links: outbox.links, tokens: outbox.tokens, unsubscribeMailto: 'unsubscribe@dailies.test' },
      { ...ana, cadence: 'daily' },
      decision,
      [
        {
          summary: 'Bo commented on <shot_010>',
          url: outbox.links.to('assets/a1'),
          excerpt: 'Too dark',
        },
      ],
    );
    expect(digest).not.toBeNull();
    await inTransaction(pool, (tx) => outbox.enqueue(tx, digest!.key, digest!.email));

    expect(await sender.drain()).toEqual(['sent']);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    const [row] = await deliveries(pool);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      idempotency_key: 'digest:11111111-1111-4111-8111-111111111111:2026-06-01T15:00:00.000Z',
    });
    expect(mail.messageId).toBe(row.message_id);
    expect(smtp.envelopes[0]).toEqual({ from: 'no-reply@dailies.test', to: ['ana@example.com'] });
    expect(mail.subject).toBe('1 new notification on Dailies');
    expect(mail.text).toContain('Hi Ana, here is what happened since yesterday.');
    expect(mail.text).toContain(
      '- Bo commented on <shot_010>\n  https://app.dailies.test/assets/a1',
    );
    expect(mail.html).toContain('Bo commented on &lt;shot_010&gt;');

    // mailparser turns List-* headers into objects: assert on the raw header line.
    const rawHeader = (name: string) =>
      mail.headerLines
        .find((h) => h.key === name)
        ?.line.replace(/\r?\n[ \t]+/g, ' ')
        .replace(/^[^:]+:\s*/, '');
    const unsubscribe = rawHeader('list-unsubscribe');
    const unsubscribeUrl = /<(https:[^>]+)>/.exec(String(unsubscribe))?.[1];
    expect(String(unsubscribe)).toMatch(
      /^<https:\/\/app\.dailies\.test\/email\/unsubscribe\?token=[^>]+>, <mailto:unsubscribe@dailies\.test\?subject=unsubscribe>$/,
    );
    expect(rawHeader('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const token = new URL(unsubscribeUrl!).searchParams.get('token')!;
    expect(outbox.tokens.verify(token)).toEqual({
      userId: ana.userId,
      email: ana.email,
      list: 'digest',
    });

    const hrefs = [...String(mail.html).matchAll(/href="([^"]+)"/g)].map((m) =>
      m[1].replace(/&amp;/g, '&'),
    );
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `${TEST_PUBLIC_URL}/assets/a1`,
        `${TEST_PUBLIC_URL}/notifications`,
        unsubscribeUrl,
      ]),
    );
    for (const href of hrefs) expect(href.startsWith(`${TEST_PUBLIC_URL}/`)).toBe(true);

    // The next run in the same period finds the recorded window: not due, nothing composed again.
    const client = await pool.connect();
    try {
      const last = await lastDigestWindowEnd(client, ana.userId);
      expect(last).toEqual(new Date('2026-06-01T15:00:00Z'));
      const rerun = decideDigest({
        preference: 'daily',
        timeZone: 'America/Los_Angeles',
        dailyHour: 8,
        now: new Date('2026-06-01T18:00:00Z'),
        lastWindowEnd: last,
      });
      expect(rerun).toEqual({ due: false });
    } finally {
      client.release();
    }
  });

  it('records a mail only when the caller’s transaction commits, once per key (Prisma and pg)', async () => {
    const prisma = new PrismaService(url, 2);
    try {
      await expect(
        prisma.$transaction(async (tx) => {
          await outbox.enqueue(tx, 'reset:rolled-back', resetMail('ana@example.com'));
          throw new Error('the command failed');
        }),
      ).rejects.toThrow('the command failed');
      const first = await prisma.$transaction((tx) =>
        outbox.enqueue(tx, 'reset:1', resetMail('ana@example.com')),
      );
      const again = await inTransaction(pool, (tx) =>
        outbox.enqueue(tx, 'reset:1', resetMail('ana@example.com')),
      );
      expect([first, again]).toEqual([true, false]);
    } finally {
      await prisma.$disconnect();
    }
    await sender.drain();
    await sender.drain();
    expect(smtp.received.map((m) => m.subject)).toEqual(['Reset your Dailies password']);
    expect((await deliveries(pool)).map((r) => r.idempotency_key)).toEqual(['reset:1']);
  });

  it('two senders racing over the same rows send each mail exactly once', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `reset:${String(i).padStart(2, '0')}`);
    await inTransaction(pool, async (tx) => {
      for (const key of keys)
        await outbox.enqueue(tx, key, resetMail(`user${key.slice(6)}@example.com`, key));
    });
    const otherPool = new Pool({ connectionString: url, max: 4 });
    const otherMailer = new SmtpMailer(smtp.url);
    try {
      const other = new EmailSender(otherPool, otherMailer, { maxAttempts: 3 });
      const [a, b] = await Promise.all([sender.drain(), other.drain()]);
      expect(a.length + b.length).toBe(30);
      expect(a.length).toBeGreaterThan(0);
      expect(b.length).toBeGreaterThan(0);
    } finally {
      await otherMailer.close();
      await otherPool.end();
    }
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect((await deliveries(pool)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(
      true,
    );
  });

  it('checks the suppression list on every send: bounces block all mail, unsubscribes one list', async () => {
    await inTransaction(pool, async (tx) => {
      await suppressAddress(tx, 'Bounced@Example.com', 'bounce');
      await suppressAddress(tx, 'ana@example.com', 'unsubscribe', { list: 'digest' });
      await outbox.enqueue(tx, 'a-reset-bounced', resetMail('bounced@example.com'));
      await outbox.enqueue(tx, 'b-digest-ana', {
        ...resetMail('ana@example.com'),
        kind: 'digest',
        list: 'digest',
      });
      await outbox.enqueue(tx, 'c-reset-ana', resetMail('ana@example.com'));
    });
    await sender.drain();
    expect((await deliveries(pool)).map((r) => [r.idempotency_key, r.status])).toEqual([
      ['a-reset-bounced', 'suppressed'],
      ['b-digest-ana', 'suppressed'],
      ['c-reset-ana', 'sent'],
    ]);
    expect(smtp.envelopes.map((e) => e.to)).toEqual([['ana@example.com']]);
  });

  it('retries a failed send and finally marks it failed, with the error kept', async () => {
    const refusing = new SmtpMailer('smtp://127.0.0.1:1');
    try {
      const flaky = new EmailSender(pool, refusing, { maxAttempts: 2, retryDelayMs: () => 0 });
      await inTransaction(pool, (tx) =>
        outbox.enqueue(tx, 'reset:x', resetMail('ana@example.com')),
      );
      expect(await flaky.drain()).toEqual(['retry', 'failed']);
    } finally {
      await refusing.close();
    }
    const [row] = await deliveries(pool);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('a crash between the SMTP send and COMMIT resends the mail with the same Message-ID, never loses it', async () => {
    await inTransaction(pool, (tx) =>
      outbox.enqueue(tx, 'reset:crash', resetMail('ana@example.com')),
    );
    // The "crash": the SMTP server accepted the mail, then the sender's connection dies before COMMIT.
    const crashing: Mailer = {
      send: async (mail) => {
        const sent = await mailer.send(mail);
        await pool.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE relation = 'email_deliveries'::regclass AND mode = 'RowShareLock' AND pid <> pg_backend_pid()`,
        );
        return sent;
      },
      close: async () => undefined,
    };
    const dying = new EmailSender(pool, crashing, { maxAttempts: 3 });
    await expect(dying.sendNext()).rejects.toThrow();
    expect((await deliveries(pool))[0]).toMatchObject({ status: 'queued', attempts: 0 });

    expect(await sender.drain()).toEqual(['sent']);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[0].messageId).toBe(smtp.received[1].messageId);
  });

  it('the send loop delivers mail queued while it runs, and stops cleanly', async () => {
    const loop = new EmailSendLoop(sender, { intervalMs: 50 });
    loop.start();
    try {
      await inTransaction(pool, (tx) =>
        outbox.enqueue(tx, 'reset:loop', resetMail('ana@example.com')),
      );
      const deadline = Date.now() + 5000;
      while (smtp.received.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await loop.stop();
    }
    expect(smtp.received.map((m) => m.subject)).toEqual(['Reset your Dailies password']);
    expect((await deliveries(pool))[0]).toMatchObject({ status: 'sent' });
  });

  it('digest runs that overlap for one user decide one after the other: windows never overlap', async () => {
    const prisma = new PrismaService(url, 4);
    const items = [{ summary: 'Bo commented', url: outbox.links.to('assets/a1') }];
    const windows: { from: string; to: string }[] = [];
    // Two runs an hour apart (the second sees a later period), racing on the same user.
    const run = (now: string) =>
      prisma.$transaction(async (tx) => {
        const last = await lastDigestWindowEnd(tx, ana.userId);
        const decision = decideDigest({
          preference: 'hourly',
          timeZone: 'America/Los_Angeles',
          dailyHour: 8,
          now: new Date(now),
          lastWindowEnd: last ?? new Date('2026-06-01T15:00:00Z'),
        });
        await new Promise((resolve) => setTimeout(resolve, 100)); // hold the decision open
        if (decision.due) {
          windows.push({ from: decision.from.toISOString(), to: decision.to.toISOString() });
        }
        const digest = outbox.composeDigest({ ...ana, cadence: 'hourly' }, decision, items);
        if (digest) await outbox.enqueue(tx, digest.key, digest.email);
      });
    try {
      await Promise.all([run('2026-06-01T16:30:00Z'), run('2026-06-01T17:30:00Z')]);
    } finally {
      await prisma.$disconnect();
    }
    // Whichever committed first, the other started where it ended (or found nothing due).
    windows.sort((x, y) => x.to.localeCompare(y.to));
    for (let i = 1; i < windows.length; i++) expect(windows[i].from).toBe(windows[i - 1].to);
    expect(windows[0].from).toBe('2026-06-01T15:00:00.000Z');
    const { rows } = await pool.query('SELECT 1 FROM email_deliveries');
    expect(rows).toHaveLength(windows.length);
  });
});
