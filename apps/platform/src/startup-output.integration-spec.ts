import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { DataDirPlatform, startOnDataDir, waitUntil } from './testing/data-dir-platform';

/** Stops a started platform (its whole process group) and waits for it. */
async function stop(platform: DataDirPlatform): Promise<void> {
  try {
    process.kill(-platform.child.pid!, 'SIGTERM');
  } catch {
    // gone already
  }
  await platform.exited;
}

/** What a person sees: the output as `npm start` prints it, secrets in the request. */
async function requestWithSecrets(base: string): Promise<void> {
  await fetch(`${base}/v2/assets/0192f3c4-aaaa-7bbb-8ccc-1234567890ab?token=query-secret-1`, {
    headers: { authorization: 'Bearer header-secret-2', 'x-request-id': 'startup-output-test' },
  });
  await fetch(`${base}/v2/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nobody@example.com', password: 'body-secret-3' }),
  });
}

const SECRETS = /query-secret-1|header-secret-2|body-secret-3/;

describe('what `npm start` prints', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-output-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('in a terminal (pretty): the banner first, one screen, no route mapping, readable request lines', async () => {
    // LOG_FORMAT=pretty is the path a TTY takes (resolveLogFormat); LOG_LEVEL as a user has it.
    const platform = startOnDataDir(dataDir, { LOG_FORMAT: 'pretty', LOG_LEVEL: 'info' });
    try {
      const base = await platform.ready;
      await requestWithSecrets(base);
      await waitUntil(() => /POST \/v2\/auth\/login 401/.test(platform.output()), 10_000);
      const lines = platform.output().trimEnd().split('\n');
      expect(lines[0]).toMatch(/^Dailies platform ready in [\d.]+ s$/);
      expect(lines.slice(1, 12).join('\n')).toMatch(/Demo login demo@dailies\.dev/);
      expect(lines.slice(1, 12).join('\n')).toMatch(/Support .*npm run staff -- create/);
      expect(lines.length).toBeLessThanOrEqual(40);
      expect(platform.output()).not.toMatch(
        /Mapped \{|RouterExplorer|RoutesResolver|InstanceLoader/,
      );
      expect(platform.output()).not.toMatch(/^\{"level"/m); // no JSON lines in a terminal
      // Request lines: method, route template, status, time, request id.
      expect(platform.output()).toMatch(
        /INFO: GET \/v2\/assets\/:assetId 401 \d+ ms {2}startup-output-test/,
      );
      expect(platform.output()).toMatch(/INFO: POST \/v2\/auth\/login 401 \d+ ms/);
      expect(platform.output()).not.toMatch(SECRETS);
    } finally {
      await stop(platform);
    }
  }, 90_000);

  it('in production: JSON lines only, the banner among them, secrets redacted', async () => {
    const databaseUrl = await createTestDatabase();
    const platform = startOnDataDir(dataDir, {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SIGNING_KEYS: 'k1:a-production-signing-key-of-enough-length',
      LOG_LEVEL: 'info',
      // The start-up prints nothing but JSON (no deprecation warnings either).
      NODE_NO_WARNINGS: '1',
    });
    try {
      const base = await platform.ready;
      await requestWithSecrets(base);
      await waitUntil(
        () =>
          /"route":"\/v2\/auth\/login"/.test(platform.output()) && /\n$/.test(platform.output()),
        10_000,
      );
      const lines = platform.output().trimEnd().split('\n');
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records.find((r) => /ready in/.test(String(r.msg)))).toMatchObject({
        level: 30,
        ready: expect.arrayContaining([expect.stringMatching(/^API +http:\/\/\S+\/v2$/)]),
      });
      expect(records.find((r) => r.route === '/v2/assets/:assetId')).toMatchObject({
        msg: 'request',
        method: 'GET',
        status: 401,
        requestId: 'startup-output-test',
        ms: expect.any(Number),
        url: '/v2/assets/0192f3c4-aaaa-7bbb-8ccc-1234567890ab?token=[redacted]',
      });
      expect(platform.output()).not.toMatch(SECRETS);
      expect(platform.output()).not.toMatch(/Mapped \{/);
    } finally {
      await stop(platform);
      await dropTestDatabase(databaseUrl);
    }
  }, 90_000);
});
