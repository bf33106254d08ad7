import os from 'node:os';
import { createBenchDatabase } from '../shared/bench-database';
import { skipLockedLoop } from './skip-locked-loop';
import { throughEngine } from './through-engine';

/**
 * `npm run bench:jobs`: no-op jobs per second through libs/jobs (pg-boss) against a bare
 * `SELECT … FOR UPDATE SKIP LOCKED` loop, on the same database, in the same process, with the
 * same number of concurrent handlers. BENCH_JOBS (default 20,000), BENCH_WORKERS (default 8),
 * BENCH_ADMIN_URL as for bench:api (else an embedded PostgreSQL).
 */
async function main(): Promise<void> {
  const count = Number(process.env.BENCH_JOBS ?? 20_000);
  const workers = Number(process.env.BENCH_WORKERS ?? 8);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const database = await createBenchDatabase();
  try {
    console.log(`${fmt(count)} no-op jobs, ${workers} concurrent handlers`);
    const bare = await skipLockedLoop(database.url, count, workers);
    console.log(`  bare SKIP LOCKED loop: ${fmt(bare)} jobs/s`);
    const engine = await throughEngine(database.url, count, workers);
    console.log(`  libs/jobs (pg-boss):   ${fmt(engine)} jobs/s`);
    console.log(`  ratio engine / bare:   ${(engine / bare).toFixed(2)}×`);
  } finally {
    await database.drop();
  }
  console.log(`\n${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
