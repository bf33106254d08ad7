import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiV2Module } from '@dailies/api-v2';
import { startPlatform } from '@dailies/platform';
import { ObjectStorage } from '@dailies/storage';
import { createBenchDatabase } from '../shared/bench-database';

/**
 * `npm run bench:media` (upload part): throughput of a file uploaded through the API's presigned
 * multipart flow (start, parts PUT in parallel to their signed URLs, completion verified against
 * storage and joined) against the same bytes PUT raw, as one part, to the same local store and
 * route, in the same process. BENCH_MEDIA_MIB (default 256), BENCH_MEDIA_PART_MIB (default 16),
 * BENCH_MEDIA_PARALLEL (default 4), BENCH_ADMIN_URL as for bench:api (else embedded PostgreSQL).
 */
async function main(): Promise<void> {
  const MiB = 1024 ** 2;
  const size = Number(process.env.BENCH_MEDIA_MIB ?? 256) * MiB;
  const partSize = Number(process.env.BENCH_MEDIA_PART_MIB ?? 16) * MiB;
  const parallel = Number(process.env.BENCH_MEDIA_PARALLEL ?? 4);
  const bytes = crypto.randomBytes(size);
  const database = await createBenchDatabase();
  const storageDir = await mkdtemp(path.join(os.tmpdir(), 'dailies-bench-media-'));
  const platform = await startPlatform({
    features: [ApiV2Module],
    env: {
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      JOBS_ENABLED: 'false',
      STORAGE_LOCAL_DIR: storageDir,
    },
  });
  const mibPerSecond = (ms: number) => size / MiB / (ms / 1000);
  try {
    const api = apiClient(platform.baseUrl);
    const email = `bench-${Date.now()}@example.com`;
    await api('POST', '/v2/auth/signup', { email, password: 'bench-password-2026', name: 'Bench' });
    const session = await api('POST', '/v2/auth/login', { email, password: 'bench-password-2026' });
    const me = await apiClient(platform.baseUrl, session.accessToken as string)('GET', '/v2/me');
    const accountId = (me.accounts as { id: string }[])[0].id;
    const teams = await apiClient(platform.baseUrl, session.accessToken as string)(
      'GET',
      `/v2/accounts/${accountId}/teams`,
    );
    const owner = {
      accessToken: session.accessToken,
      teamId: (teams.data as { id: string }[])[0].id,
    };
    const as = apiClient(platform.baseUrl, owner.accessToken as string);
    const project = await as('POST', `/v2/teams/${owner.teamId}/projects`, { name: 'Bench' });
    const newFile = async (name: string) =>
      (
        await as('POST', `/v2/assets/${project.rootAssetId}/children`, {
          type: 'file',
          name,
          filetype: 'video/mp4',
        })
      ).id as string;

    // Baseline: the whole file PUT raw to a presigned URL of the same store (no API around it).
    const storage = platform.app.get(ObjectStorage);
    const rawKey = `bench/raw-${Date.now()}`;
    const rawUpload = await storage.createMultipart(rawKey, null);
    const rawUrl = await storage.presignPart(rawKey, rawUpload, 1, 600);
    let started = performance.now();
    await put(rawUrl.url, bytes);
    const rawMs = performance.now() - started;
    await storage.abortMultipart(rawKey, rawUpload);

    // Through the API: start, parts in parallel, complete (verified, joined).
    const assetId = await newFile('bench.mp4');
    started = performance.now();
    const upload = await as('POST', `/v2/assets/${assetId}/upload`, { filesize: size, partSize });
    const queue = [...(upload.parts as { partNumber: number; url: string }[])];
    const sendParts = async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        const from = (part.partNumber - 1) * partSize;
        await put(part.url, bytes.subarray(from, Math.min(size, from + partSize)));
      }
    };
    await Promise.all(Array.from({ length: parallel }, sendParts));
    const done = await as('PUT', `/v2/assets/${assetId}/upload-complete`, {});
    const apiMs = performance.now() - started;
    if (done.filesize !== size) throw new Error(`stored ${String(done.filesize)} bytes`);

    const fmt = (n: number) => n.toFixed(0);
    console.log(
      `${size / MiB} MiB file, ${upload.partCount as number} parts of ${partSize / MiB} MiB, ` +
        `${parallel} in parallel, local store`,
    );
    console.log(`  raw PUT to the store (baseline): ${fmt(mibPerSecond(rawMs))} MiB/s`);
    console.log(`  API multipart flow:              ${fmt(mibPerSecond(apiMs))} MiB/s`);
    console.log(`  ratio API / raw:                 ${(rawMs / apiMs).toFixed(2)}×`);
  } finally {
    await platform.close();
    await database.drop();
    await rm(storageDir, { recursive: true, force: true });
  }
  console.log(`\n${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
}

function apiClient(baseUrl: string, token?: string) {
  return async (method: string, urlPath: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
}

async function put(url: string, body: Buffer): Promise<void> {
  const res = await fetch(url, {
    method: 'PUT',
    body,
    headers: { 'content-type': 'application/octet-stream' },
  });
  if (!res.ok) throw new Error(`PUT part: ${res.status} ${await res.text()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
