import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { EmbeddedPostgresServer, runMigrations } from '@dailies/db';
import { LEGACY_TABLE_NAMES } from '@dailies/legacy';
import { DynamoLoader } from '../../dynasaur/src/fixtures/dynamo-loader';
import { ExportWriter } from '../../dynasaur/src/fixtures/export-writer';
import { generateFixtures } from '../../dynasaur/src/fixtures/generate';
import { newestProfile, printProfile, summariseProfile } from '../shared/cpu-profile';
import { DynamoSource } from '../../dynasaur/src/sources/dynamodb-source';
import { freePort } from '../../dynasaur/src/testing/cli';
import { rowVersions, TARGET_TABLES } from '../../dynasaur/src/testing/fingerprint';

/**
 * `npm run bench:migrate`: the migrator on a generated legacy data set (BENCH_ASSETS assets,
 * default 200,000, 1 % of files with properties over 100 KB), from an export and from dynalite.
 * Reports (a) end-to-end rows/s against a raw binary COPY of the same target rows (the issue's
 * baseline), (b) the dynalite run against scan-only + COPY-only time, (c) peak RSS at
 * BENCH_SMALL_ASSETS (default 20,000) and at BENCH_ASSETS (default 200,000): the issue's 20k → 200k,
 * smaller through the env for iteration, (d) an unchanged re-run (rows changed, table growth,
 * speed). BENCH_ADMIN_URL: use that PostgreSQL server instead of an embedded one. BENCH_SEGMENTS
 * (default 4). BENCH_CPU_PROF=true: run (a)'s migrator under `--cpu-prof` and print where its CPU
 * went (the profiler's own memory then counts in (c)'s large-size figure: read RSS without it).
 */
const ROOT = path.resolve(__dirname, '../../..');
const ASSETS = Number(process.env.BENCH_ASSETS ?? 200_000);
const SMALL = Number(process.env.BENCH_SMALL_ASSETS ?? 20_000);
const SEGMENTS = process.env.BENCH_SEGMENTS ?? '4';
const ASSETS_PER_SCALE = 581; // what one fixtures scale unit generates
// As `npm run dynasaur` and the image run it.
const HEAP_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=4'];
const CPU_PROF = process.env.BENCH_CPU_PROF === 'true';

interface MigrateRun {
  seconds: number;
  maxRssMb: number;
  rows: number;
  /** Per legacy table: seconds scanning + loading batches, and resolving (from dynasaur.runs). */
  phases: { table: string; scan: number; resolve: number }[];
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-bench-migrate-'));
  fs.chmodSync(work, 0o755);
  const cleanups: (() => Promise<void>)[] = [
    async () => fs.rmSync(work, { recursive: true, force: true }),
  ];
  try {
    const server = await databaseServer(work);
    cleanups.unshift(server.stop);

    console.log(
      `generating ${ASSETS.toLocaleString('en-US')} assets (export + dynalite) and ${SMALL.toLocaleString('en-US')} (export)…`,
    );
    const dynalite = await startDynalite();
    cleanups.unshift(dynalite.stop);
    const big = path.join(work, 'big');
    const small = path.join(work, 'small');
    let started = Date.now();
    const loader = new DynamoLoader(dynalite.url);
    await loader.createTables();
    const writer = new ExportWriter(big, 8);
    const bigSet = await generateFixtures(
      { scale: Math.max(1, Math.round(ASSETS / ASSETS_PER_SCALE)) },
      async (t, item) => {
        await writer.write(t, item);
        await loader.write(t, item);
      },
    );
    await writer.close();
    await loader.close();
    const smallWriter = new ExportWriter(small, 2);
    await generateFixtures(
      { scale: Math.max(1, Math.round(SMALL / ASSETS_PER_SCALE)), seed: 9 },
      (t, item) => smallWriter.write(t, item),
    );
    await smallWriter.close();
    console.log(
      `generated ${bigSet.counts.assets.toLocaleString('en-US')} assets, ${bigSet.counts.comments.toLocaleString('en-US')} comments in ${secs(started)} s`,
    );

    // (a) export source, end to end, then a raw COPY of exactly the rows it wrote.
    const exportDb = await server.database('export');
    const profileDir = CPU_PROF ? path.join(work, 'profile') : null;
    const first = await migrate(exportDb, ['--source', 'export', '--export-dir', big], profileDir);
    const dump = path.join(work, 'dump');
    fs.mkdirSync(dump);
    await dumpTargets(exportDb, dump);
    const copyDb = await server.database('copy');
    started = Date.now();
    const copiedRows = await copyTargets(copyDb, dump);
    const copySeconds = (Date.now() - started) / 1000;
    const e2eRate = first.rows / first.seconds;
    const copyRate = copiedRows / copySeconds;
    console.log(
      `(a) export → PostgreSQL: ${first.rows.toLocaleString('en-US')} target rows in ${first.seconds.toFixed(1)} s = ${Math.round(e2eRate).toLocaleString('en-US')} rows/s; ` +
        `raw COPY of the same rows ${copySeconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString('en-US')} rows/s; ratio ${(e2eRate / copyRate).toFixed(2)}× (target ≥ 0.7×)`,
    );
    console.log(
      `    phases (scan+load / resolve, s): ${first.phases.map((p) => `${p.table} ${p.scan.toFixed(1)}/${p.resolve.toFixed(1)}`).join(', ')}`,
    );
    if (profileDir) {
      printProfile('(a) migrator CPU profile', summariseProfile(newestProfile(profileDir), 20));
    }

    // (b) dynalite source against scan-only + COPY-only.
    started = Date.now();
    const scanned = await scanOnly(dynalite.url);
    const scanSeconds = (Date.now() - started) / 1000;
    const dynamoDb = await server.database('dynamo');
    const live = await migrate(dynamoDb, ['--source', 'dynamodb', '--endpoint', dynalite.url]);
    const parts = scanSeconds + copySeconds;
    console.log(
      `(b) dynalite → PostgreSQL: ${live.seconds.toFixed(1)} s; scan only ${scanSeconds.toFixed(1)} s (${scanned.toLocaleString('en-US')} items) + COPY only ${copySeconds.toFixed(1)} s = ${parts.toFixed(1)} s; ratio ${(live.seconds / parts).toFixed(2)}× (target ≤ 1.25×)`,
    );

    // (c) peak RSS, small and full size.
    const smallDb = await server.database('small');
    const smallRun = await migrate(smallDb, ['--source', 'export', '--export-dir', small]);
    console.log(
      `(c) peak RSS: ${smallRun.maxRssMb} MB at ${SMALL.toLocaleString('en-US')} assets, ${first.maxRssMb} MB at ${ASSETS.toLocaleString('en-US')} ` +
        `(growth ${(first.maxRssMb / smallRun.maxRssMb).toFixed(2)}×; targets ≤ 256 MB and ≤ 1.1×)`,
    );

    // (d) an unchanged re-run.
    const versions = await rowVersions(exportDb);
    const sizeBefore = await targetSize(exportDb);
    const rerun = await migrate(exportDb, ['--source', 'export', '--export-dir', big]);
    const unchanged = JSON.stringify(await rowVersions(exportDb)) === JSON.stringify(versions);
    const sizeAfter = await targetSize(exportDb);
    console.log(
      `(d) re-run: ${unchanged ? 'no row changed' : 'ROWS CHANGED'}; target tables ${mb(sizeBefore)} → ${mb(sizeAfter)} MB ` +
        `(+${(((sizeAfter - sizeBefore) / sizeBefore) * 100).toFixed(1)} %, target ≤ 5 %); ${rerun.seconds.toFixed(1)} s = ` +
        `${(first.seconds / rerun.seconds).toFixed(2)}× the first run's speed (target ≥ 0.9×)`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e: unknown) => console.error(e));
  }
}

const secs = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

async function databaseServer(work: string) {
  let adminUrl = process.env.BENCH_ADMIN_URL;
  let embedded: EmbeddedPostgresServer | null = null;
  if (!adminUrl) {
    embedded = new EmbeddedPostgresServer({ dataDir: path.join(work, 'pg'), database: 'bench' });
    adminUrl = await embedded.start();
  }
  const admin = adminUrl;
  const created: string[] = [];
  const prefix = `dailies_bench_migrate_${Date.now().toString(36)}`;
  const query = async (sql: string) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  return {
    async database(name: string): Promise<string> {
      const db = `${prefix}_${name}`;
      await query(`CREATE DATABASE ${db}`);
      created.push(db);
      const u = new URL(admin);
      u.pathname = `/${db}`;
      await runMigrations(u.toString());
      return u.toString();
    },
    async stop(): Promise<void> {
      for (const db of created) await query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      if (embedded) await embedded.stop();
    },
  };
}

async function startDynalite(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // Its own process: dynalite keeps every item in memory, which must not count as the migrator's.
  const child = spawn(
    process.execPath,
    ['-e', `require('dynalite')({ createTableMs: 0 }).listen(${port}, '127.0.0.1')`],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 100) throw new Error('dynalite did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `migrate --all` as operators run it (its own process); time, peak RSS and rows written. */
async function migrate(
  databaseUrl: string,
  sourceArgs: string[],
  profileDir: string | null = null,
): Promise<MigrateRun> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      ...HEAP_FLAGS,
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      path.join(ROOT, 'tools/scripts/run-ts.cjs'),
      'tools/dynasaur/src/main.ts',
      'migrate',
      '--all',
      ...sourceArgs,
      '--segments',
      SEGMENTS,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0) throw new Error(`migrate exited with ${code}:\n${stderr.slice(-4000)}`);
  const exit = stderr
    .split('\n')
    .filter((l) => l.includes('"msg":"exit"'))
    .map((l) => JSON.parse(l) as { maxRssMb: number })[0];
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let rows = 0;
  for (const table of TARGET_TABLES)
    rows += Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  const { rows: phases } = await client.query<{ table: string; scan: number; resolve: number }>(
    `SELECT table_name AS table, scan_seconds AS scan, resolve_seconds AS resolve
     FROM dynasaur.runs ORDER BY started_at`,
  );
  await client.end();
  return { seconds, maxRssMb: exit?.maxRssMb ?? 0, rows, phases };
}

async function dumpTargets(databaseUrl: string, dir: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  for (const table of TARGET_TABLES) {
    await pipeline(
      client.query(copyTo(`COPY ${table} TO STDOUT (FORMAT binary)`)),
      fs.createWriteStream(path.join(dir, table)),
    );
  }
  await client.end();
}

async function copyTargets(databaseUrl: string, dir: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let rows = 0;
  for (const table of TARGET_TABLES) {
    const stream = client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`));
    await pipeline(fs.createReadStream(path.join(dir, table)), stream);
    rows += Number(stream.rowCount);
  }
  await client.end();
  return rows;
}

async function scanOnly(endpoint: string): Promise<number> {
  const source = new DynamoSource({ endpoint, region: 'us-east-1' });
  let items = 0;
  for (const table of LEGACY_TABLE_NAMES) {
    const t = await source.open(table, Number(SEGMENTS));
    await Promise.all(
      Array.from({ length: t.segments }, async (_, segment) => {
        for await (const page of t.pages(segment, null)) items += page.items.length;
      }),
    );
  }
  await source.close();
  return items;
}

async function targetSize(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    `SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c WHERE c.relname = ANY ($1) AND c.relkind = 'r'`,
    [TARGET_TABLES],
  );
  await client.end();
  return Number(rows[0].n);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
