import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchDatabase } from '../shared/bench-database';
import { benchServerEnv, startChildServer } from '../shared/child-server';
import { newestProfile, printProfile, summariseProfile } from '../shared/cpu-profile';
import { formatRow, load, LoadResult, TABLE_HEADER } from '../shared/load';
import { paced } from '../shared/paced';
import { formatPaced, PACED_HEADER, pacedWithEvidence } from '../shared/paced-report';
import { startApiAndBaseline } from './api-and-baseline';
import { seedDataset } from './seed-dataset';

/**
 * `npm run bench:api`: the core API under load on a realistic data set (≥ 50 projects,
 * ≥ 50,000 assets, ≥ 100,000 comments in a throwaway database), next to two bare Fastify + pg
 * baselines for GET /v2/assets/:id: one that answers with ONE indexed query (the floor the target
 * is measured against) and one that repeats the API's own round trips (what the framework costs). API and baseline each
 * run in their own process; autocannon runs in this one.
 *
 * BENCH_SECONDS (default 10) per run; BENCH_ADMIN_URL to use an existing PostgreSQL server
 * instead of an embedded one.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

interface Row {
  name: string;
  result: LoadResult;
  ratio?: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const cleanups: (() => Promise<void>)[] = [() => database.drop()];
  try {
    console.log('seeding…');
    const data = await seedDataset(database.url, {
      projects: 50,
      foldersPerProject: 10,
      filesPerFolder: 100,
      commentsPerFile: 2,
    });
    console.log(
      `seeded ${data.counts.projects} projects, ${data.counts.assets} assets, ${data.counts.comments} comments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const serverEnv = benchServerEnv(database.url);
    const { api, baseline, headers } = await startApiAndBaseline({
      serverEnv,
      credentials: { email: data.email, password: data.password },
      cleanups,
    });

    const assetPath = `/v2/assets/${data.hotFileId}`;
    for (const [name, url] of [
      ['baseline', `${baseline.url}${assetPath}`],
      ['one-query baseline', `${baseline.url}/one-query${assetPath}`],
      ['api', `${api.url}${assetPath}`],
    ]) {
      const check = await fetch(url, { headers });
      if (!check.ok) throw new Error(`${name} GET ${assetPath}: ${check.status}`);
    }

    const rows: Row[] = [];
    const run = async (name: string, options: Parameters<typeof load>[0]) => {
      await load({ ...options, seconds: Math.min(3, seconds) }); // warm-up
      const result = await load(options);
      rows.push({ name, result });
      console.log(formatRow(name, result));
      return result;
    };

    console.log(`\n${TABLE_HEADER}`);
    const oneQuery = await run('baseline GET /v2/assets/:id, one query (Fastify+pg)', {
      url: `${baseline.url}/one-query${assetPath}`,
      headers,
      seconds,
    });
    const base = await run('baseline GET /v2/assets/:id, same queries as the API', {
      url: `${baseline.url}${assetPath}`,
      headers,
      seconds,
    });
    const asset = await run('GET /v2/assets/:id', {
      url: `${api.url}${assetPath}`,
      headers,
      seconds,
    });
    rows[rows.length - 1].ratio = asset.rps / oneQuery.rps;
    const halfRate = Math.max(1, Math.round(asset.rps / 2));
    // Latency at half the maximum rate, paced evenly (see paced.ts on autocannon's bursts) — and
    // the one-query baseline paced at the same rate right after, by the same generator: a tail
    // the bare server has too is the generator's and the machine's, not the API's.
    console.log(`\n${PACED_HEADER}`);
    const pacedRuns = [];
    for (const [name, server, url] of [
      [`GET /v2/assets/:id at ${halfRate}/s`, api, `${api.url}${assetPath}`],
      [`one-query baseline at ${halfRate}/s`, baseline, `${baseline.url}/one-query${assetPath}`],
    ] as const) {
      const evidence = await pacedWithEvidence(name, server, {
        url,
        headers,
        rate: halfRate,
        seconds,
      });
      console.log(formatPaced(evidence));
      pacedRuns.push(evidence);
    }
    const [assetHalf, oneQueryHalf] = pacedRuns.map((evidence) => evidence.result);
    rows.push({ name: `GET /v2/assets/:id paced at ${halfRate}/s`, result: assetHalf });
    rows.push({ name: `one-query baseline paced at ${halfRate}/s`, result: oneQueryHalf });
    console.log(`\n${TABLE_HEADER}`);
    await run('GET /v2/assets/:id/children?limit=50', {
      url: `${api.url}/v2/assets/${data.folderId}/children?limit=50`,
      headers,
      seconds,
    });
    await run('GET /v2/assets/:id/comments?limit=50', {
      url: `${api.url}/v2/assets/${data.hotFileId}/comments?limit=50`,
      headers,
      seconds,
    });
    const comment = JSON.stringify({
      text: 'Bench note: the grade drifts warm here',
      timestamp: 240,
    });
    const post = await run('POST /v2/assets/:id/comments', {
      url: `${api.url}/v2/assets/${data.hotFileId}/comments`,
      method: 'POST',
      headers,
      body: comment,
      connections: 16,
      seconds,
    });
    const post500 = await run('POST /v2/assets/:id/comments at 500/s asked', {
      url: `${api.url}/v2/assets/${data.hotFileId}/comments`,
      method: 'POST',
      headers,
      body: comment,
      connections: 16,
      seconds,
      overallRate: 500,
    });
    const postRate = Math.max(1, Math.round(post.rps / 2));
    const postHalf = await paced({
      url: `${api.url}/v2/assets/${data.hotFileId}/comments`,
      method: 'POST',
      body: comment,
      headers,
      rate: postRate,
      seconds,
    });
    console.log(formatRow(`POST comments paced at ${postRate}/s (half max)`, postHalf));

    // The same writes with the consumers on an instance of their own (the production shape for
    // write-heavy load): this API instance only commits (EVENTS_DELIVER=false), a worker runs
    // the five consumers from the deliveries the commits wrote.
    await api.stop();
    const worker = await startChildServer('apps/core-api/src/main.ts', serverEnv);
    cleanups.unshift(() => worker.stop());
    const writer = await startChildServer('apps/core-api/src/main.ts', {
      ...serverEnv,
      EVENTS_DELIVER: 'false',
    });
    cleanups.unshift(() => writer.stop());
    await run('POST comments, consumers on a worker', {
      url: `${writer.url}/v2/assets/${data.hotFileId}/comments`,
      method: 'POST',
      headers,
      body: comment,
      connections: 16,
      seconds,
    });

    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(
      `\nGET /v2/assets/:id / one-query baseline: ${(asset.rps / oneQuery.rps).toFixed(2)}×; / same-queries baseline: ${(asset.rps / base.rps).toFixed(2)}×; same-queries / one-query: ${(base.rps / oneQuery.rps).toFixed(2)}× (the cost of the round trips alone)`,
    );
    console.log('targets (2 cores):');
    console.log(
      `  GET /v2/assets/:id ≥ 0.5× the one-query baseline: ${(asset.rps / oneQuery.rps).toFixed(2)}× — ${verdict(asset.rps >= 0.5 * oneQuery.rps)}`,
    );
    console.log(
      `  GET /v2/assets/:id p95 ≤ 10 ms at half max rate (${halfRate}/s): ${assetHalf.p95} ms — ${verdict(assetHalf.p95 <= 10)}; ` +
        `the one-query baseline paced the same: p95 ${oneQueryHalf.p95} ms` +
        (oneQueryHalf.p95 > 10
          ? ' (over 10 ms too: at this rate the generator and the machine alone miss the target)'
          : ''),
    );
    console.log(
      `  POST comments ≥ 500/s: ${post.rps}/s — ${verdict(post.rps >= 500)}; p95 ≤ 25 ms at 500/s: ${post500.p95} ms — ${verdict(post500.p95 <= 25 && post500.rps >= 490)}; p95 paced at half its max (${postRate}/s): ${postHalf.p95} ms`,
    );

    // Where the remaining time goes: each hot route once more against a fresh instance run with
    // `--cpu-prof` (profiled apart, so the figures above carry no profiler overhead).
    await writer.stop();
    await worker.stop();
    for (const [title, options] of [
      ['GET /v2/assets/:id', { url: `{base}${assetPath}`, headers, seconds }],
      [
        'POST /v2/assets/:id/comments',
        {
          url: `{base}/v2/assets/${data.hotFileId}/comments`,
          method: 'POST',
          headers,
          body: comment,
          connections: 16,
          seconds,
        },
      ],
    ] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-cpu-'));
      const profiled = await startChildServer('apps/core-api/src/main.ts', serverEnv, 60_000, [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
      ]);
      try {
        const url = options.url.replace('{base}', profiled.url);
        await load({ ...options, url, seconds: Math.min(3, seconds) }); // warm-up
        await load({ ...options, url });
      } finally {
        await profiled.stop();
      }
      // The measured window only (plus the close): start-up's module loading left out.
      const window = summariseProfile(newestProfile(dir), 15, (seconds + 1) * 1000);
      printProfile(`profile of ${title}`, window);
      console.log(`  (profile kept in ${dir}; open it in Chrome DevTools)`);
    }

    const errors = rows.reduce((sum, r) => sum + r.result.errors, 0);
    console.log(
      `\n${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}, ${errors} errors, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e) => console.error(e));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
