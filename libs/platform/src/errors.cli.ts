import 'reflect-metadata';
import { listErrorGroups, resolveErrorGroup } from '@dailies/alerting';
import { ConfigError } from '@dailies/config';
import { SqlPool } from '@dailies/db';
import { startWorker } from './start-worker';

const USAGE = `usage: npm run errors -- list [--limit N]
       npm run errors -- resolve <fingerprint>`;

// `npm run errors -- list` shows the groups of uncaught errors (libs/alerting); `resolve` marks
// one fixed, so that it is alerted again if it comes back (a regression).
async function main(): Promise<void> {
  const [command, arg, value] = process.argv.slice(2);
  const limit = command === 'list' && arg === '--limit' ? Number(value) : 50;
  if (
    !(command === 'list' && Number.isInteger(limit) && limit > 0) &&
    !(command === 'resolve' && arg && /^[0-9a-f]{32}$/.test(arg))
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const worker = await startWorker({
    healthServer: false,
    env: {
      EVENTS_DELIVER: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  });
  try {
    const pool = worker.app.get(SqlPool).pool;
    if (command === 'resolve') {
      const done = await resolveErrorGroup(pool, arg);
      console.log(done ? `resolved ${arg}` : `no unresolved group ${arg}`);
      if (!done) process.exitCode = 1;
      return;
    }
    const groups = await listErrorGroups(pool, limit);
    if (!groups.length) console.log('no uncaught errors recorded');
    for (const g of groups) {
      console.log(
        `${g.fingerprint}  ${g.state.padEnd(9)} ${String(g.occurrences).padStart(7)}×  ` +
          `last ${g.lastSeenAt.toISOString()}  ${g.source}  ${g.errorClass}: ${g.message}`,
      );
    }
  } finally {
    await worker.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `errors failed: ${String((error as Error)?.stack ?? error)}`,
  );
  process.exit(1);
});
