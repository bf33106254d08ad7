import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';

const run = (args: string[], databaseUrl: string) =>
  promisify(execFile)(
    process.execPath,
    ['tools/scripts/run-ts.cjs', 'libs/platform/src/staff.cli.ts', ...args],
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

/** `npm run staff -- create …` on a real database: the row, the password and the enrolment. */
describe('npm run staff', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(databaseUrl);
  });

  it('creates a staff member and prints the password and the otpauth URI', async () => {
    const { stdout } = await run(
      ['create', '--email', 'First@Dailies.dev', '--name', 'First Admin', '--role', 'admin'],
      databaseUrl,
    );
    expect(stdout).toContain('staff member created: first@dailies.dev (admin)');
    expect(stdout).toMatch(/password {2}\S{20}/);
    const uri = /otpauth:\/\/totp\/\S+/.exec(stdout)?.[0];
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT role, totp_secret FROM staff_users WHERE email = 'first@dailies.dev'",
      );
      expect(rows[0].role).toBe('admin');
      expect(uri).toContain(`secret=${rows[0].totp_secret}`);
    } finally {
      await db.end();
    }
  });

  it('names a bad role and exits 2 without creating anyone', async () => {
    await expect(
      run(['create', '--email', 'x@dailies.dev', '--name', 'X', '--role', 'root'], databaseUrl),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('role: must be support or admin'),
    });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM staff_users WHERE email = 'x@dailies.dev'",
    );
    await db.end();
    expect(rows[0].n).toBe(0);
  });
});
