import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client } from 'pg';
import { EmbeddedPostgresServer, runMigrations } from '@dailies/db';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A throwaway, migrated database for one benchmark run: on the server of BENCH_ADMIN_URL when
 * set (e.g. the machine's PostgreSQL), else on an embedded PostgreSQL in a temporary folder.
 * Either way it is dropped afterwards.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `dailies_bench_${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
  let adminUrl = process.env.BENCH_ADMIN_URL;
  let server: EmbeddedPostgresServer | undefined;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-bench-'));
    fs.chmodSync(dataDir, 0o755); // the embedded server runs as `postgres` when we are root
    server = new EmbeddedPostgresServer({ dataDir: path.join(dataDir, 'pg'), database: 'bench' });
    adminUrl = await server.start();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await runMigrations(url);
  return {
    url,
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      if (server) await server.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
