import os from 'node:os';
import { createBenchDatabase } from '../shared/bench-database';
import { countStatements } from '../shared/statement-counter';
import { durablePath } from './durable-path';
import { fanOut } from './fan-out';

/**
 * `npm run bench:events`: (a) the in-process fan-out of 1,000,000 events to 5 no-op consumers
 * against a bare RxJS Subject with 5 subscribers; (b) the durable path through a real
 * PostgreSQL with the five real consumers. BENCH_EVENTS (default 1,000,000), BENCH_COMMANDS
 * (default 5,000), BENCH_WORKERS (default 16), BENCH_ADMIN_URL as for bench:api; BENCH_DELIVER=false
 * measures the commits alone (no consumer runs in the process); BENCH_EVENTS=0 skips (a);
 * BENCH_COUNT_STATEMENTS=true prints the SQL statements each command cost, by kind.
 */
async function main(): Promise<void> {
  const count = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const commands = Number(process.env.BENCH_COMMANDS ?? 5_000);
  const workers = Number(process.env.BENCH_WORKERS ?? 16);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

  if (count > 0) console.log(`(a) in-process fan-out of ${fmt(count)} events to 5 no-op consumers`);
  if (count > 0) await fanOut(100_000, true); // warm-up
  for (const asyncHandlers of count > 0 ? [false, true] : []) {
    const best = { subject: 0, broadcaster: 0 };
    for (let round = 0; round < 3; round++) {
      const r = await fanOut(count, asyncHandlers);
      if (r.broadcaster.handled !== count * 5 || r.broadcaster.refused !== 0) {
        throw new Error(`broadcaster lost events: ${JSON.stringify(r.broadcaster)}`);
      }
      best.subject = Math.max(best.subject, r.subject.perSecond);
      best.broadcaster = Math.max(best.broadcaster, r.broadcaster.perSecond);
    }
    const kind = asyncHandlers ? 'async no-op handlers' : 'sync no-op handlers ';
    console.log(
      `  ${kind}: Broadcaster ${fmt(best.broadcaster)} events/s, bare Subject ${fmt(best.subject)} events/s, ratio ${(best.broadcaster / best.subject).toFixed(2)}× (target ≥ 0.3×)`,
    );
  }

  console.log(`\n(b) durable path: ${fmt(commands)} CreateComment commands, ${workers} callers`);
  const database = await createBenchDatabase();
  try {
    // BENCH_COUNT_STATEMENTS=true: which statements each command costs, consumers included.
    const counter = process.env.BENCH_COUNT_STATEMENTS === 'true' ? countStatements() : null;
    const r = await durablePath(database.url, commands, workers, () => counter?.reset());
    counter?.stop();
    if (counter)
      console.log(`  statements per command:\n    ${counter.report(commands).join('\n    ')}`);
    console.log(
      `  committed ${fmt(r.committedPerSecond)} commands/s; committed and handled by all five consumers ${fmt(r.handledPerSecond)} events/s (target ≥ 1,000)`,
    );
    console.log(
      `  commit → last consumer: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (target ≤ 250), p99 ${r.p99.toFixed(1)} ms; ${r.events} events, all handled: ${r.complete}`,
    );
  } finally {
    await database.drop();
  }
  console.log(`\n${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
