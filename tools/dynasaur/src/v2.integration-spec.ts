import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { newIdFromHex } from '@dailies/legacy';
import { ExportWriter } from './fixtures/export-writer';
import { FixtureSummary, generateFixtures } from './fixtures/generate';
import { dynasaur, exitOf, freePort, ROOT } from './testing/cli';

// The core API runs as its own process on the migrated database: a tool may not import the
// transport layer (module boundaries), and this is how the migrated data will be served anyway.
describe('migrated data through /v2', () => {
  let dir: string;
  let url: string;
  let fixtures: FixtureSummary;
  let api: ChildProcess;
  let base: string;
  let db: Client;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynasaur-v2-'));
    const writer = new ExportWriter(dir, 1);
    fixtures = await generateFixtures({ scale: 1, seed: 3 }, (table, item) =>
      writer.write(table, item),
    );
    await writer.close();
    url = await createTestDatabase();
    expect((await dynasaur(['migrate', '--all', '--export-dir', dir], url)).code).toBe(0);
    db = new Client({ connectionString: url });
    await db.connect();

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawn(
      process.execPath,
      [path.join(ROOT, 'tools/scripts/run-ts.cjs'), 'apps/core-api/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: String(port),
          HOST: '127.0.0.1',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          MIGRATE_ON_START: 'false',
          SEED_DEMO: 'false',
          OPENAPI_DOCS: 'false',
          DB_POOL_SIZE: '2',
          JWT_SECRET: crypto.randomBytes(32).toString('hex'),
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    for (let i = 0; ; i++) {
      if (api.exitCode !== null) throw new Error(`core-api exited with ${api.exitCode}`);
      const ready = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (i > 300) throw new Error('core-api did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    api?.kill('SIGTERM');
    if (api) await exitOf(api);
    await db?.end();
    if (url) await dropTestDatabase(url);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, route: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}${route}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it('a migrated user signs in with the legacy password and reads their projects and assets', async () => {
    const { login } = fixtures;
    const signIn = await call('POST', '/v2/auth/login', undefined, {
      email: login.email,
      password: login.password,
    });
    expect(signIn.status).toBe(200);
    const token: string = signIn.body.accessToken;
    // The legacy bcrypt digest was accepted and replaced by a new-system hash.
    const { rows } = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE legacy_id = $1',
      [login.userLegacyId],
    );
    expect(rows[0].password_hash.startsWith('$2')).toBe(false);

    const projectId = newIdFromHex('projects', login.projectLegacyId);
    const project = await call('GET', `/v2/projects/${projectId}`, token);
    expect(project.status).toBe(200);
    expect(project.body.legacyId).toBe(login.projectLegacyId);
    const listed = await call('GET', `/v2/teams/${project.body.teamId}/projects?limit=100`, token);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { id: string }) => p.id)).toContain(projectId);

    // Old links keep working: the legacy 24-hex ids are accepted wherever an id goes.
    const byLegacyId = await call('GET', `/v2/projects/${login.projectLegacyId}`, token);
    expect(byLegacyId.status).toBe(200);
    expect(byLegacyId.body.id).toBe(projectId);
    const { rows: team } = await db.query<{ legacy_id: string }>(
      'SELECT legacy_id FROM teams WHERE id = $1',
      [project.body.teamId],
    );
    const listedByLegacyTeam = await call(
      'GET',
      `/v2/teams/${team[0].legacy_id}/projects?limit=100`,
      token,
    );
    expect(listedByLegacyTeam.status).toBe(200);
    expect(listedByLegacyTeam.body.data.map((p: { id: string }) => p.id)).toContain(projectId);
    const unknownLegacy = await call('GET', '/v2/projects/0123456789abcdef01234567', token);
    expect(unknownLegacy.status).toBe(404);

    // Assets keep their legacy UUID as their id; the answer names the legacy id too.
    const asset = await call('GET', `/v2/assets/${login.fileLegacyId}`, token);
    expect(asset.status).toBe(200);
    expect(asset.body.legacyId).toBe(login.fileLegacyId);
    expect(asset.body.projectId).toBe(projectId);

    // The root folder lists its children in the migrated sibling order.
    const children = await call(
      'GET',
      `/v2/assets/${project.body.rootAssetId}/children?limit=100`,
      token,
    );
    expect(children.status).toBe(200);
    const { rows: order } = await db.query<{ id: string }>(
      `SELECT id FROM assets WHERE parent_id = $1 AND deleted_at IS NULL ORDER BY sort_order, id`,
      [project.body.rootAssetId],
    );
    expect(children.body.data.map((c: { id: string }) => c.id)).toEqual(order.map((o) => o.id));
  });

  it('a deleted legacy user cannot sign in', async () => {
    const { rows } = await db.query<{ email: string }>(
      'SELECT email FROM users WHERE legacy_id = $1',
      [fixtures.quirks.deleted_user[0]],
    );
    const signIn = await call('POST', '/v2/auth/login', undefined, {
      email: rows[0].email,
      password: fixtures.login.password,
    });
    expect(signIn.status).toBe(403);
  });
});
