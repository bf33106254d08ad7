// A process that runs a digest job and sends what it queues, until the test kills it with SIGKILL.
// Usage: run-ts.cjs digest-crash-child.ts <database url> <smtp url> <now ISO> <users>
import { Pool } from 'pg';
import { EmailSender } from '../deliveries/email-sender';
import { EmailSendLoop } from '../deliveries/email-send-loop';
import { SmtpMailer } from '../transport/smtp-mailer';
import { digestUserIds, runDigests } from './digest-run';
import { testOutbox } from './email-test-kit';

async function main(): Promise<void> {
  const [url, smtpUrl, now, users] = process.argv.slice(2);
  const pool = new Pool({ connectionString: url, max: 4 });
  const loop = new EmailSendLoop(
    new EmailSender(pool, new SmtpMailer(smtpUrl), { maxAttempts: 3 }),
    { intervalMs: 10 },
  );
  loop.start();
  process.stdout.write('ready\n');
  await runDigests(pool, testOutbox(), digestUserIds(Number(users)), new Date(now), 15);
  process.stdout.write('queued all\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
