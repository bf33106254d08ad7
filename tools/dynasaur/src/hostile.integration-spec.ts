import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { LEGACY_TABLE_NAMES, LegacyTableName } from '@dailies/legacy';
import { copyInto } from './db/copy';
import { ExportWriter } from './fixtures/export-writer';
import { dynasaur } from './testing/cli';
import { BASE_WORLD, baseRecords, DIGEST, itemOf } from './testing/hostile-records';

// One named record per way legacy data has been seen (or can be) hostile, in an export beside the
// base world: each is repaired (and counted) or rejected with its reason; nothing stops the run.

const uuid = (n: number) => `0b0e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hex = (n: number) => `5f1c00000000000000${String(n).padStart(6, '0')}`;
const user = BASE_WORLD.users;
const file = baseRecords('assets')[1];
const comment = BASE_WORLD.comments;

const HOSTILE: { table: LegacyTableName; item: unknown; expect: string }[] = [
  {
    table: 'users',
    item: itemOf({ ...user, id: hex(1), email: 'nul@x.example', name: 'Nu\u0000ll' }),
    expect: 'migrated',
  },
  {
    table: 'users',
    item: itemOf({ ...user, id: hex(2), email: 'json@x.example', settings: '{"a":"b\\u0000"}' }),
    expect: 'migrated',
  },
  {
    table: 'users',
    item: itemOf({ ...user, id: `${hex(3).slice(0, 23)}\u0000`, email: 'key@x.example' }),
    expect: 'invalid_id',
  },
  {
    table: 'users',
    item: itemOf({ ...user, id: hex(4), email: 'trunc@x.example', settings: '{"digest":"ho' }),
    expect: 'invalid_value',
  },
  {
    table: 'users',
    item: { ...itemOf({ ...user, id: hex(5), email: 'type@x.example' }), name: { L: [] } },
    expect: 'invalid_attribute_type',
  },
  {
    table: 'users',
    item: { ...itemOf({ ...user, email: 'nokey@x.example' }), id: undefined },
    expect: 'invalid_id',
  },
  {
    table: 'assets',
    item: itemOf({ ...file, id: uuid(11), properties: '{"codec":"\\ud800","k\\u0000":1}' }),
    expect: 'migrated',
  },
  {
    table: 'assets',
    item: itemOf({ ...file, id: uuid(12), frames: '2147483648' }),
    expect: 'invalid_value',
  },
  {
    table: 'assets',
    item: itemOf({ ...file, id: uuid(13), filesize: '1'.repeat(400) }),
    expect: 'invalid_value',
  },
  {
    table: 'assets',
    item: itemOf({ ...file, id: uuid(14), properties: '['.repeat(5000) + ']'.repeat(5000) }),
    expect: 'invalid_value',
  },
  {
    table: 'assets',
    item: itemOf({ ...file, id: uuid(15), name: 'x'.repeat(410 * 1024) }),
    expect: 'item_too_large',
  },
  {
    table: 'comments',
    item: itemOf({ ...comment, id: uuid(21), text: 'lone \udc00 surrogate' }),
    expect: 'migrated',
  },
  {
    table: 'comments',
    item: itemOf({ ...comment, id: uuid(22), created_at: '99999-01-01T00:00:00Z' }),
    expect: 'invalid_value',
  },
  {
    table: 'comments',
    item: itemOf({ ...comment, id: uuid(23), text: 'refuse me' }),
    expect: 'database_refused',
  },
  { table: 'comments', item: null, expect: 'invalid_item' },
  { table: 'teams', item: '{"Item":{"id":{"S":"5f1c', expect: 'invalid_item' },
  {
    table: 'review_links',
    item: itemOf({
      ...BASE_WORLD.review_links,
      id: uuid(31),
      short_code: 'base01',
      password_digest: DIGEST,
    }),
    expect: 'duplicate_short_code',
  },
];

describe('dynasaur migrate: hostile records', () => {
  let dir: string;
  let exportDir: string;
  let url: string;
  let db: Client;
  const source = () => ['--source', 'export', '--export-dir', exportDir];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynasaur-hostile-'));
    exportDir = path.join(dir, 'export');
    const writer = new ExportWriter(exportDir, 2);
    for (const table of LEGACY_TABLE_NAMES) {
      for (const raw of baseRecords(table)) await writer.write(table, raw);
      // Clean comments around the refused one: they share its batch and must still migrate.
      if (table === 'comments') {
        for (let i = 0; i < 6; i++) await writer.write(table, { ...comment, id: uuid(40 + i) });
      }
    }
    for (const h of HOSTILE) {
      // A string is a truncated export line (not JSON at all).
      if (typeof h.item === 'string') await writer.writeLine(h.table, h.item);
      else await writer.writeItem(h.table, h.item);
    }
    await writer.close();
    url = await createTestDatabase();
    db = new Client({ connectionString: url });
    await db.connect();
    // A limit the parse does not know about: PostgreSQL refuses the row at upsert time.
    await db.query(
      `ALTER TABLE comments ADD CONSTRAINT hostile_refusal CHECK (text <> 'refuse me')`,
    );
  });

  afterAll(async () => {
    await db.end();
    await dropTestDatabase(url);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rejectsOf = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            table: string;
            legacyId: string | null;
            reason: string;
            raw: Record<string, unknown>;
          },
      );

  it('repairs or rejects each hostile record with its reason; the run completes and verify agrees', async () => {
    const rejectsFile = path.join(dir, 'rejects.ndjson');
    const summaryFile = path.join(dir, 'summary.json');
    const run = await dynasaur(
      [
        'migrate',
        '--all',
        ...source(),
        '--batch-rows',
        '50',
        '--rejects',
        rejectsFile,
        '--summary',
        summaryFile,
      ],
      url,
    );
    expect(run.code).toBe(0);

    const rejects = rejectsOf(rejectsFile);
    const expectedRejects = HOSTILE.filter((h) => h.expect !== 'migrated');
    expect(rejects.map((r) => `${r.table} ${r.reason}`).sort()).toEqual(
      expectedRejects.map((h) => `${h.table} ${h.expect}`).sort(),
    );
    // The key PostgreSQL cannot store is kept visible, escaped.
    expect(rejects.map((r) => r.legacyId)).toContain(`${hex(3).slice(0, 23)}\\u0000`);

    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as {
      tables: Record<
        string,
        { read: number; migrated: number; rejected: number; repairs: Record<string, number> }
      >;
    };
    for (const table of LEGACY_TABLE_NAMES) {
      const t = summary.tables[table];
      expect(t.migrated + t.rejected).toBe(t.read);
    }
    expect(summary.tables.users.repairs.nul_removed).toBe(2);
    expect(summary.tables.assets.repairs).toMatchObject({
      nul_removed: 1,
      lone_surrogate_replaced: 1,
    });
    expect(summary.tables.comments.repairs.lone_surrogate_replaced).toBe(1);

    const one = async (sql: string, params: unknown[]) =>
      (await db.query(sql, params)).rows[0] as Record<string, unknown>;
    expect(await one(`SELECT name, settings FROM users WHERE legacy_id = $1`, [hex(1)])).toEqual({
      name: 'Null',
      settings: { digest: 'hourly' },
    });
    expect(
      (await one(`SELECT settings FROM users WHERE legacy_id = $1`, [hex(2)])).settings,
    ).toEqual({ a: 'b' });
    expect(
      (await one(`SELECT properties FROM assets WHERE legacy_id = $1`, [uuid(11)])).properties,
    ).toEqual({
      codec: '\ufffd',
      k: 1,
    });
    expect((await one(`SELECT text FROM comments WHERE legacy_id = $1`, [uuid(21)])).text).toBe(
      'lone \ufffd surrogate',
    );
    // The refused comment's batch neighbours migrated.
    expect(
      (
        await one(`SELECT count(*)::int AS n FROM comments WHERE legacy_id = ANY ($1)`, [
          [0, 1, 2, 3, 4, 5].map((i) => uuid(40 + i)),
        ])
      ).n,
    ).toBe(6);

    const verify = await dynasaur(['verify', '--all', ...source()], url);
    expect(verify.out).toContain('verify: source and target agree');
    expect(verify.code).toBe(0);
  });

  it('keeps no password digest in the rejects file, the rejects table or a stage table', async () => {
    const rejectsFile = path.join(dir, 'rejects.ndjson');
    const text = fs.readFileSync(rejectsFile, 'utf8');
    expect(text).not.toContain(DIGEST);
    const userRejects = rejectsOf(rejectsFile).filter(
      (r) => r.table === 'users' || r.table === 'review_links',
    );
    expect(userRejects.length).toBeGreaterThan(0);
    for (const r of userRejects) {
      const digest = r.raw.password_digest;
      expect(digest === '[redacted]' || (digest as { S?: string })?.S === '[redacted]').toBe(true);
    }
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dynasaur.rejects WHERE raw::text LIKE '%' || $1 || '%'`,
      [DIGEST],
    );
    expect(rows[0].n).toBe(0);
    const stages = await db.query<{ users: string | null; links: string | null }>(
      `SELECT to_regclass('dynasaur.users_stage')::text AS users, to_regclass('dynasaur.review_links_stage')::text AS links`,
    );
    expect(stages.rows[0]).toEqual({ users: null, links: null });
    // Accounts read the users' stage: alone, after it was dropped, they are refused, not wrong.
    await expect(dynasaur(['migrate', '--table', 'accounts', ...source()], url)).rejects.toThrow(
      'migrate users in the same run',
    );
    // The digests did migrate where they belong.
    expect(
      (await db.query(`SELECT password_hash FROM users WHERE legacy_id = $1`, [user.id])).rows[0]
        .password_hash,
    ).toBe(DIGEST);
  });

  it('a COPY PostgreSQL refuses leaves the connection usable after ROLLBACK TO SAVEPOINT', async () => {
    // The bisection relies on it: a refused COPY must not poison the batch's transaction.
    const pool = new Pool({ connectionString: url, max: 1 });
    const client = await pool.connect();
    try {
      await client.query('CREATE TEMP TABLE copy_probe (n integer)');
      await client.query('BEGIN');
      await client.query('SAVEPOINT probe');
      const refused = await copyInto(client, 'copy_probe', ['n'], ['1\n', 'x\n']).catch(
        (e: { code?: string }) => e,
      );
      expect(refused).toMatchObject({ code: '22P02' });
      await client.query('ROLLBACK TO SAVEPOINT probe');
      await copyInto(client, 'copy_probe', ['n'], ['2\n']);
      await client.query('COMMIT');
      expect((await client.query('SELECT n FROM copy_probe')).rows).toEqual([{ n: 2 }]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it('--restart, and --max-errors then --resume, go through the same records to the same end', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM comments`)).rows[0].n as number;
    const restarted = await dynasaur(['migrate', '--all', ...source(), '--restart'], url);
    expect(restarted.code).toBe(0);
    const second = await createTestDatabase();
    try {
      const c = new Client({ connectionString: second });
      await c.connect();
      await c.query(
        `ALTER TABLE comments ADD CONSTRAINT hostile_refusal CHECK (text <> 'refuse me')`,
      );
      await c.end();
      const stopped = await dynasaur(
        ['migrate', '--all', ...source(), '--max-errors', '0'],
        second,
      );
      expect(stopped.code).toBe(3);
      let resumed = await dynasaur(
        ['migrate', '--all', ...source(), '--resume', '--max-errors', '0'],
        second,
      );
      // Each resume stops again at the next reject: it moves on, never loops on the same record.
      for (let i = 0; i < HOSTILE.length && resumed.code === 3; i++) {
        resumed = await dynasaur(
          ['migrate', '--all', ...source(), '--resume', '--max-errors', '0'],
          second,
        );
      }
      expect(resumed.code).toBe(0);
      const c2 = new Client({ connectionString: second });
      await c2.connect();
      const n = (await c2.query(`SELECT count(*)::int AS n FROM comments`)).rows[0].n as number;
      await c2.end();
      expect(n).toBe(before);
      expect((await dynasaur(['verify', '--all', ...source()], second)).code).toBe(0);
    } finally {
      await dropTestDatabase(second);
    }
  });
});
