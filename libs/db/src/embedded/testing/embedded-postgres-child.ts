// Fixture for embedded-postgres.integration-spec.ts, run in a child process through
// `node tools/scripts/run-ts.cjs libs/db/src/embedded/testing/embedded-postgres-child.ts <dataDir> <note>`.
// It starts the embedded PostgreSQL in <dataDir>, commits <note> into table `notes`, leaves a
// second row uncommitted in an open transaction, reports one JSON line on stdout and then waits
// to be killed: the test plays the crash.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresServer } from '../embedded-postgres';

export interface ChildReport {
  url: string;
  postmasterPid: number;
  /** Process events with listeners once the server runs (embedded-postgres adds some). */
  listenedEvents: string[];
}

const EXIT_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];

async function main(): Promise<void> {
  const [dataDir, note] = process.argv.slice(2);
  if (!dataDir || !note) throw new Error('usage: embedded-postgres-child.ts <dataDir> <note>');
  const server = new EmbeddedPostgresServer({ dataDir, database: 'crash_test' });
  const url = await server.start();

  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS notes (body text NOT NULL)');
  await client.query('INSERT INTO notes (body) VALUES ($1)', [note]);
  await client.query('BEGIN');
  await client.query('INSERT INTO notes (body) VALUES ($1)', [`${note} (uncommitted)`]);

  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const postmasterPid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const listenedEvents = EXIT_EVENTS.filter((e) => process.listenerCount(e) > 0);
  const report: ChildReport = { url, postmasterPid, listenedEvents };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  // Keep the process (and the open transaction) alive until the test kills it.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
