import os from 'node:os';
import path from 'node:path';
import { Type } from '@nestjs/common';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { SmtpTestServer } from '@dailies/email/testing';
import { Clock } from '@dailies/jobs';
import { RunningPlatform, startPlatform } from '../start-platform';

export interface TestPlatform extends RunningPlatform {
  databaseUrl: string;
  /** The in-process SMTP server the platform sends to (null when the test set SMTP_URL). */
  mail: SmtpTestServer | null;
}

/**
 * One SMTP server for every test platform of the test file (two instances on one database send
 * each other's mail), started with the first platform and stopped with the last (mail-links.ts).
 */
let sharedMail: { server: Promise<SmtpTestServer>; users: number } | null = null;

export function testMailServer(): Promise<SmtpTestServer> {
  if (!sharedMail) throw new Error('no test platform is running');
  return sharedMail.server;
}

async function acquireMailServer(): Promise<SmtpTestServer> {
  sharedMail ??= { server: new SmtpTestServer().start(), users: 0 };
  sharedMail.users += 1;
  return sharedMail.server;
}

async function releaseMailServer(): Promise<void> {
  if (!sharedMail) return;
  sharedMail.users -= 1;
  if (sharedMail.users > 0) return;
  const { server } = sharedMail;
  sharedMail = null;
  await (await server).stop();
}

/** The real app on a real HTTP port, against a fresh database copied from the migrated template. */
export async function startTestPlatform(
  features: Type<unknown>[],
  env: Record<string, string> = {},
  options: { clock?: Clock; databaseUrl?: string } = {},
): Promise<TestPlatform> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  // Mail goes to a real SMTP server in the test process, so tests can follow mailed links.
  const mail = env.SMTP_URL ? null : await acquireMailServer();
  const platform = await startPlatform({
    features,
    clock: options.clock,
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      OPENAPI_DOCS: 'true',
      DB_POOL_SIZE: '4',
      // With no SMTP_URL, mail goes to DATA_DIR/mailbox: keep it out of the repository.
      DATA_DIR: path.join(os.tmpdir(), 'dailies-test-data'),
      // Quick sweeps and a short shutdown grace keep event-driven tests fast.
      EVENTS_SWEEP_INTERVAL_MS: '200',
      EVENTS_SHUTDOWN_GRACE_MS: '2000',
      // The job engine installs its schema per database; tests that need jobs turn it on.
      JOBS_ENABLED: 'false',
      // A loaded CI machine must not shed the tests' own requests (load-shedding spec sets it).
      LOAD_SHED_EVENT_LOOP_DELAY_MS: '0',
      ...(mail ? { SMTP_URL: mail.url } : {}),
      EMAIL_SEND_INTERVAL_MS: '50',
      ...env,
    },
  });
  return {
    ...platform,
    databaseUrl,
    mail,
    async close() {
      await platform.close();
      if (!options.databaseUrl) await dropTestDatabase(databaseUrl);
      if (mail) await releaseMailServer();
    },
  };
}
