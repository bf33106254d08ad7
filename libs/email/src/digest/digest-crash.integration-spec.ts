import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Pool } from 'pg';
import { EmailSender } from '../deliveries/email-sender';
import { digestUserIds, runDigests } from '../testing/digest-run';
import { deliveries, testOutbox } from '../testing/email-test-kit';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { SmtpMailer } from '../transport/smtp-mailer';

const CHILD = path.join(__dirname, '../testing/digest-crash-child.ts');
const USERS = 40;
const NOW = '2026-11-01T09:30:00Z'; // 01:30 PST, the second 01:00 hour of the fall-back night

describe('a digest run killed with SIGKILL', () => {
  let url: string;
  let smtp: SmtpTestServer;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    url = await createTestDatabase();
    smtp = await new SmtpTestServer({ delayMs: 10 }).start();
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    await smtp.stop();
    await dropTestDatabase(url);
  });

  it('sends no digest twice and misses none after the restart', async () => {
    child = spawn(
      process.execPath,
      ['tools/scripts/run-ts.cjs', CHILD, url, smtp.url, NOW, String(USERS)],
      {
        cwd: path.resolve(__dirname, '../../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // Kill it mid-run: some digests sent, some queued, some users not reached yet.
    const deadline = Date.now() + 30_000;
    while (smtp.received.length < 8 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const sentBeforeCrash = smtp.received.length;
    expect(sentBeforeCrash).toBeGreaterThanOrEqual(8);

    const pool = new Pool({ connectionString: url, max: 4 });
    const mailer = new SmtpMailer(smtp.url);
    try {
      const queuedByChild = (await deliveries(pool)).length;
      expect(queuedByChild).toBeLessThan(USERS); // it really died mid-run
      // The restart: the same job again, then the sender.
      await runDigests(pool, testOutbox(), digestUserIds(USERS), new Date(NOW));
      await new EmailSender(pool, mailer, { maxAttempts: 3 }).drain();
      const rows = await deliveries(pool);
      expect(rows).toHaveLength(USERS);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await mailer.close();
      await pool.end();
    }

    // Every user got this hour's digest; a user's digest is one Message-ID. The only repeat
    // allowed is the documented window: the message SMTP accepted just before the kill, re-sent
    // with the same Message-ID.
    const byUser = new Map<string, Set<string>>();
    for (const mail of smtp.received) {
      const to = String(mail.to && !Array.isArray(mail.to) ? mail.to.text : '');
      byUser.set(to, (byUser.get(to) ?? new Set()).add(String(mail.messageId)));
    }
    expect(byUser.size).toBe(USERS);
    for (const ids of byUser.values()) expect(ids.size).toBe(1);
    expect(smtp.received.length - USERS).toBeLessThanOrEqual(1);
  });
});
