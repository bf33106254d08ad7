import fs from 'node:fs';
import http from 'node:http';
import { createBenchDatabase } from '../shared/bench-database';
import { benchServerEnv, ChildServer, startChildServer } from '../shared/child-server';
import { formatRow, load, LoadResult, TABLE_HEADER } from '../shared/load';
import { seedProjects } from './seed-projects';

// npm run bench:munger — the legacy /v1 adapter against /v2 on the same data:
// (a) GET /v1/projects/:id/assets for projects of 10,000 and 100,000 assets: time to first byte,
//     total time, peak RSS of the server process — next to the same assets read page by page
//     (100 per page, the tree walked folder by folder) from /v2;
// (b) GET /v1/assets/:id against GET /v2/assets/:id, requests per second (target ≥ 0.7×).
// The Munger (apps/munger) and the core API (apps/core-api) each run alone in their own process,
// one at a time, on one throwaway database (BENCH_ADMIN_URL, else an embedded PostgreSQL).

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const SIZES = [10_000, 100_000];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** The heap cap of `npm run start:munger` (package.json). */
const MUNGER_NODE_OPTIONS = '--max-old-space-size=256';
/** Extra peak RSS a 10× longer list may cost and still count as flat. */
const FLAT_MB = 40;

/** The process's resident set size, sampled every 5 ms while `work` runs; the peak in MB. */
async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; before: number; peak: number }> {
  const read = () => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  };
  const before = read();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, 5);
  try {
    const value = await work();
    peak = Math.max(peak, read());
    return { value, before, peak };
  } finally {
    clearInterval(timer);
  }
}

interface StreamTiming {
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  records: number;
}

/** One GET, timed to its first body byte and to its end; counts the records of the array. */
function timedGet(url: string, headers: Record<string, string>): Promise<StreamTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    let bytes = 0;
    let records = 0;
    let tail = '';
    const marker = '{"id":"';
    const req = http.get(url, { headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!ttfb) ttfb = performance.now() - started;
        bytes += Buffer.byteLength(chunk);
        const text = tail + chunk;
        for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + 1)) records++;
        tail = text.slice(-(marker.length - 1));
      });
      res.on('end', () =>
        resolve({ ttfbMs: ttfb, totalMs: performance.now() - started, bytes, records }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The same assets through /v2: every folder's children, page by page (limit 100), in order. */
async function walkV2(base: string, rootId: string, headers: Record<string, string>) {
  const started = performance.now();
  let ttfb = 0;
  let records = 1;
  let requests = 0;
  let bytes = 0;
  const pending = [rootId];
  while (pending.length > 0) {
    const parent = pending.shift() as string;
    let cursor: string | null = null;
    do {
      const url = `${base}/v2/assets/${parent}/children?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await fetch(url, { headers });
      const text = await res.text();
      if (!ttfb) ttfb = performance.now() - started;
      if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
      requests++;
      bytes += Buffer.byteLength(text);
      const page = JSON.parse(text) as {
        data: { id: string; type: string }[];
        nextCursor: string | null;
      };
      records += page.data.length;
      for (const a of page.data) if (a.type !== 'file') pending.push(a.id);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { ttfbMs: ttfb, totalMs: performance.now() - started, bytes, records, requests };
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

async function main(): Promise<void> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const cleanups: (() => Promise<void>)[] = [() => database.drop()];
  try {
    console.log('seeding…');
    const data = await seedProjects(database.url, SIZES);
    console.log(
      `seeded ${data.projects.map((p) => p.assets).join(' + ')} assets in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const env = benchServerEnv(database.url);
    const start = async (entry: string): Promise<ChildServer> => {
      // The Munger runs as `npm run start:munger` runs it (MUNGER_NODE_OPTIONS overrides; set it
      // to " " to measure V8's default heap sizing).
      const extra: Record<string, string> = entry.includes('munger')
        ? { NODE_OPTIONS: process.env.MUNGER_NODE_OPTIONS ?? MUNGER_NODE_OPTIONS }
        : {};
      const server = await startChildServer(entry, { ...env, ...extra });
      cleanups.unshift(() => server.stop());
      return server;
    };
    const stop = async (server: ChildServer) => {
      await server.stop();
    };

    // A token (the same JWT works for /v1 and /v2).
    let server = await start('apps/munger/src/main.ts');
    const session = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: data.email, password: data.password }),
    });
    if (!session.ok) throw new Error(`sign-in failed: ${session.status} ${await session.text()}`);
    const { token } = (await session.json()) as { token: string };
    const headers = { authorization: `Token token="${token}"` };
    const bearer = { authorization: `Bearer ${token}` };
    await stop(server);

    // (a) the streamed list, each size in a fresh Munger process (independent peaks), REPEAT
    // times; the median run (by peak RSS growth) is reported, every run is printed.
    const lines: string[] = [];
    const v1 = new Map<
      number,
      { ttfbMs: number; totalMs: number; peak: number; before: number; bytes: number }
    >();
    for (const project of data.projects) {
      const runs: {
        ttfbMs: number;
        totalMs: number;
        peak: number;
        before: number;
        bytes: number;
      }[] = [];
      for (let i = 0; i < REPEAT; i++) {
        server = await start('apps/munger/src/main.ts');
        await timedGet(`${server.url}/v1/me`, headers); // warm the route and the token check
        const { value, before, peak } = await peakRss(server.pid, () =>
          timedGet(`${server.url}/v1/projects/${project.id}/assets`, headers),
        );
        if (value.records !== project.assets) {
          throw new Error(`/v1 served ${value.records} of ${project.assets} assets`);
        }
        runs.push({ ...value, before, peak });
        console.log(
          `  run ${i + 1}: ${project.assets} assets, TTFB ${ms(value.ttfbMs)}, total ${ms(value.totalMs)}, ` +
            `RSS ${mb(before)} → peak ${mb(peak)} (+${mb(peak - before)})`,
        );
        await stop(server);
      }
      runs.sort((a, b) => a.peak - a.before - (b.peak - b.before));
      const median = runs[Math.floor(runs.length / 2)];
      v1.set(project.assets, median);
      lines.push(
        `GET /v1/projects/:id/assets (${project.assets} assets, ${(median.bytes / 1e6).toFixed(0)} MB, median of ${REPEAT}): ` +
          `TTFB ${ms(median.ttfbMs)}, total ${ms(median.totalMs)}, RSS ${mb(median.before)} → peak ${mb(median.peak)}`,
      );
      console.log(lines[lines.length - 1]);
    }
    const v2 = new Map<
      number,
      { ttfbMs: number; totalMs: number; peak: number; requests: number }
    >();
    for (const project of data.projects) {
      server = await start('apps/core-api/src/main.ts');
      await fetch(`${server.url}/v2/me`, { headers: bearer });
      const { value, before, peak } = await peakRss(server.pid, () =>
        walkV2(server.url, project.rootAssetId, bearer),
      );
      if (value.records !== project.assets) {
        throw new Error(`/v2 walk read ${value.records} of ${project.assets} assets`);
      }
      v2.set(project.assets, { ...value, peak });
      lines.push(
        `/v2 children pages (${project.assets} assets, ${value.requests} requests, no properties): ` +
          `first page ${ms(value.ttfbMs)}, total ${ms(value.totalMs)}, RSS ${mb(before)} → peak ${mb(peak)}`,
      );
      console.log(lines[lines.length - 1]);
      await stop(server);
    }

    // (b) one asset by id, each server alone.
    const file = data.projects[0].fileId;
    console.log(`\n${TABLE_HEADER}`);
    const rate = async (
      name: string,
      url: string,
      h: Record<string, string>,
    ): Promise<LoadResult> => {
      await load({ url, headers: h, seconds: Math.min(3, seconds) }); // warm-up
      const result = await load({ url, headers: h, seconds });
      console.log(formatRow(name, result));
      return result;
    };
    server = await start('apps/core-api/src/main.ts');
    const v2Asset = await rate(
      'GET /v2/assets/:id (core-api)',
      `${server.url}/v2/assets/${file}`,
      bearer,
    );
    await stop(server);
    server = await start('apps/munger/src/main.ts');
    const v1Asset = await rate(
      'GET /v1/assets/:id (munger)',
      `${server.url}/v1/assets/${file}`,
      headers,
    );
    await stop(server);

    const big = SIZES[1];
    const small = SIZES[0];
    const v1Big = v1.get(data.projects[1].assets);
    const v1Small = v1.get(data.projects[0].assets);
    const v2Big = v2.get(data.projects[1].assets);
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const ratio = v1Asset.rps / v2Asset.rps;
    console.log('\nsummary');
    for (const line of lines) console.log(`  ${line}`);
    if (v1Big && v2Big) {
      console.log(
        `  total time /v1 stream ÷ /v2 pages (${big}): ${(v1Big.totalMs / v2Big.totalMs).toFixed(2)}×`,
      );
    }
    if (v1Big && v1Small) {
      const growth = v1Big.peak - v1Big.before - (v1Small.peak - v1Small.before);
      console.log(
        `  peak RSS growth over start, ${small} → ${big} assets: ${mb(v1Small.peak - v1Small.before)} → ${mb(v1Big.peak - v1Big.before)} ` +
          `(${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB for 10× the list) — flat (< ${FLAT_MB} MB): ${verdict(growth < FLAT_MB)}`,
      );
    }
    console.log(
      `  GET /v1/assets/:id ÷ GET /v2/assets/:id: ${ratio.toFixed(2)}× (target ≥ 0.7×) — ${verdict(ratio >= 0.7)}`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
