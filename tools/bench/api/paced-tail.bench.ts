import os from 'node:os';
import { createBenchDatabase } from '../shared/bench-database';
import { benchServerEnv } from '../shared/child-server';
import { load } from '../shared/load';
import { formatPaced, PACED_HEADER, pacedWithEvidence } from '../shared/paced-report';
import { startApiAndBaseline } from './api-and-baseline';
import { seedDataset } from './seed-dataset';

/**
 * `npm run bench:api-paced`: only the paced half of bench:api, quick enough to repeat while
 * looking for where a paced tail comes from. GET /v2/assets/:id and the bare one-query baseline
 * are paced at the same rate, alternately, BENCH_ROUNDS times; each row shows the generator's own
 * delays next to the server's event loop and GC over the same window (loop-probe.cjs).
 *
 * BENCH_SECONDS (default 5) per paced run; BENCH_RATE (default: half the API's maximum, measured
 * first); BENCH_ROUNDS (default 2); BENCH_API_ENV as `K=V,K=V` to vary the API's configuration
 * and BENCH_API_NODE_ARGS (space-separated) its Node flags, e.g. `--max-semi-space-size=32`.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const apiEnv = Object.fromEntries(
  (process.env.BENCH_API_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]),
);

async function main(): Promise<void> {
  console.log(
    `load average at the start: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const database = await createBenchDatabase();
  const cleanups: (() => Promise<void>)[] = [() => database.drop()];
  try {
    const data = await seedDataset(database.url, {
      projects: 5,
      foldersPerProject: 10,
      filesPerFolder: 100,
      commentsPerFile: 2,
    });
    const { api, baseline, headers } = await startApiAndBaseline({
      serverEnv: benchServerEnv(database.url),
      apiEnv,
      apiNodeArgs: (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
      credentials: { email: data.email, password: data.password },
      cleanups,
    });
    const assetPath = `/v2/assets/${data.hotFileId}`;
    const apiUrl = `${api.url}${assetPath}`;
    const baselineUrl = `${baseline.url}/one-query${assetPath}`;

    // Each server idle for a window first: what its background work (timers, sweeps, pollers)
    // costs its event loop with no request at all.
    for (const [name, server] of [
      ['one-query baseline', baseline],
      ['core API', api],
    ] as const) {
      await server.probe();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const idle = await server.probe();
      console.log(
        `${name} idle ${seconds} s: loop delay p99 ${idle?.loopDelayMs.p99} ms, max ${idle?.loopDelayMs.max} ms, busy ${Math.round((idle?.utilisation ?? 0) * 1000) / 10} %, gc ${idle?.gc.count}×`,
      );
    }
    await load({ url: baselineUrl, headers, seconds: 2 }); // warm-up
    await load({ url: apiUrl, headers, seconds: 2 });
    const apiMax = await load({ url: apiUrl, headers, seconds: Math.min(seconds, 4) });
    const rate = Number(process.env.BENCH_RATE ?? Math.round(apiMax.rps / 2));
    console.log(`API max ${apiMax.rps} req/s; pacing both at ${rate}/s, ${seconds} s each\n`);
    console.log(PACED_HEADER);
    for (let round = 0; round < rounds; round++) {
      for (const [name, server, url] of [
        ['one-query baseline (Fastify + pg)', baseline, baselineUrl],
        ['GET /v2/assets/:id', api, apiUrl],
      ] as const) {
        console.log(
          formatPaced(await pacedWithEvidence(name, server, { url, headers, rate, seconds })),
        );
      }
    }
    console.log(
      `\nload average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e) => console.error(e));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
