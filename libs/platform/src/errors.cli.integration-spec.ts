import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';

const run = (args: string[], databaseUrl: string) =>
  promisify(execFile)(
    process.execPath,
    ['tools/scripts/run-ts.cjs', 'libs/platform/src/errors.cli.ts', ...args],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'silent',
      },
    },
  );

const FINGERPRINT = 'a'.repeat(32);

/** `npm run errors -- list | resolve`: what operators use to close an error group. */
describe('npm run errors', () => {
  let databaseUrl: string;
  let db: Client;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO error_groups (fingerprint, error_class, message, source, occurrences)
       VALUES ($1, 'TypeError', 'order <n> has no total', 'http', 12)`,
      [FINGERPRINT],
    );
  });
  afterAll(async () => {
    await db.end();
    await dropTestDatabase(databaseUrl);
  });

  it('lists the groups and resolves one; a bad argument is a usage error', async () => {
    const listed = await run(['list'], databaseUrl);
    expect(listed.stdout).toMatch(
      new RegExp(`${FINGERPRINT} {2}open +12× .* http {2}TypeError: order <n> has no total`),
    );
    const resolved = await run(['resolve', FINGERPRINT], databaseUrl);
    expect(resolved.stdout).toContain(`resolved ${FINGERPRINT}`);
    const { rows } = await db.query('SELECT state FROM error_groups');
    expect(rows).toEqual([{ state: 'resolved' }]);
    await expect(run(['resolve', 'not-a-fingerprint'], databaseUrl)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run errors'),
    });
  }, 60_000);
});
