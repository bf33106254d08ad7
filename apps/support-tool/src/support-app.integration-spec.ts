import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';

const ROOT = path.resolve(__dirname, '../../..');

/** `npm run start:support-tool`: the Support Tool as its own app (its own container), on /support only. */
describe('the Support Tool as its own app', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(databaseUrl);
  });

  it('serves /support (and not the API), and prints where', async () => {
    const child = spawn(
      path.join(ROOT, 'node_modules/.bin/node'),
      ['tools/scripts/run-ts.cjs', 'apps/support-tool/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'false',
          JOBS_ENABLED: 'false',
          NODE_OPTIONS: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      let out = '';
      const base = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Support\s+(http:\/\/\S+)\/support\s/.exec(out);
          if (match) resolve(match[1]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then((code) => reject(new Error(`exited (${code}) before ready:\n${out}`)));
      });
      expect(out).toContain('npm run staff -- create');
      const signIn = await fetch(`${base}/support/login`);
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('content-type')).toContain('text/html');
      // Only the Support Tool is mounted here.
      expect((await fetch(`${base}/v2/me`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 60_000);
});
