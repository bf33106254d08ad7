import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { newIdFromHex, orderChildren } from '@dailies/legacy';
import { ExportWriter } from './fixtures/export-writer';
import { FixtureSummary, generateFixtures } from './fixtures/generate';
import { dynasaur, exitOf, spawnDynasaur } from './testing/cli';
import { contentFingerprint, rowVersions } from './testing/fingerprint';

describe('dynasaur migrate (export source)', () => {
  let dir: string;
  let exportDir: string;
  let fixtures: FixtureSummary;
  let url: string;
  let db: Client;
  const databases: string[] = [];
  const source = () => ['--source', 'export', '--export-dir', exportDir];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynasaur-'));
    exportDir = path.join(dir, 'export');
    const writer = new ExportWriter(exportDir, 3);
    fixtures = await generateFixtures({ scale: 1, seed: 7 }, (table, item) =>
      writer.write(table, item),
    );
    await writer.close();
    url = await createTestDatabase();
    databases.push(url);
    db = new Client({ connectionString: url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    for (const d of databases) await dropTestDatabase(d);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates every table: each record migrates or is rejected with its reason, and verify agrees', async () => {
    const rejectsFile = path.join(dir, 'rejects.ndjson');
    const summaryFile = path.join(dir, 'summary.json');
    const run = await dynasaur(
      [
        'migrate',
        '--all',
        ...source(),
        '--segments',
        '3',
        '--batch-rows',
        '97',
        '--rejects',
        rejectsFile,
        '--summary',
        summaryFile,
      ],
      url,
    );
    expect(run.code).toBe(0);

    // Every dirty record is rejected, with the reason its quirk calls for, and nothing else is.
    const rejects = fs
      .readFileSync(rejectsFile, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            table: string;
            legacyId: string;
            reason: string;
            message: string;
            stage: string;
            raw: Record<string, unknown>;
          },
      );
    const key = (r: { table: string; legacyId: string; reason: string }) =>
      `${r.table}/${r.legacyId}/${r.reason}`;
    expect(rejects.map(key).sort()).toEqual(fixtures.rejects.map(key).sort());
    for (const r of rejects) {
      expect(r.message).toEqual(expect.any(String));
      expect(['parse', 'load', 'resolve']).toContain(r.stage);
      expect(r.raw).toEqual(expect.objectContaining({ id: r.legacyId }));
    }

    // Every record is accounted for: read = migrated + rejected, and read = what was generated.
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as {
      tables: Record<
        string,
        {
          read: number;
          migrated: number;
          rejected: number;
          rejectedByReason: Record<string, number>;
        }
      >;
    };
    for (const [table, generated] of Object.entries(fixtures.counts)) {
      const t = summary.tables[table];
      expect({ table, read: t.read }).toEqual({ table, read: generated });
      expect(t.migrated + t.rejected).toBe(t.read);
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE legacy_id IS NOT NULL`,
      );
      expect({ table, migrated: rows[0].n }).toEqual({ table, migrated: t.migrated });
    }

    const verify = await dynasaur(['verify', '--all', ...source()], url);
    expect(verify.out).toContain('verify: source and target agree');
    expect(verify.code).toBe(0);
  });

  it('applies the rules: cycles, sibling order, stacks, trash, replies, owners, emails', async () => {
    const one = async <T>(sql: string, params: unknown[] = []) =>
      (await db.query(sql, params)).rows[0] as T;
    // Parent cycles end under the project's root.
    for (const id of fixtures.quirks.parent_cycle) {
      const row = await one<{ parent_is_root: boolean }>(
        `SELECT a.parent_id = p.root_asset_id AS parent_is_root FROM assets a JOIN projects p ON p.id = a.project_id WHERE a.legacy_id = $1`,
        [id],
      );
      expect(row.parent_is_root).toBe(true);
    }
    // Sibling order follows child_ids, unlisted children after, oldest first (the pure rule).
    const { rows: parents } = await db.query<{ id: string }>(
      `SELECT DISTINCT parent_id AS id FROM assets WHERE legacy_id = ANY ($1) AND parent_id IS NOT NULL`,
      [fixtures.quirks.unlisted_child],
    );
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      const facts = await one<{ child_ids: string[] }>(
        `SELECT child_ids FROM dynasaur.assets_facts WHERE id = $1`,
        [parent.id],
      );
      const { rows: children } = await db.query<{
        id: string;
        created_at: Date;
        legacy_parent: string | null;
        sort_order: string;
      }>(
        `SELECT a.id, f.created_at, f.parent_legacy AS legacy_parent, a.sort_order FROM assets a
         JOIN dynasaur.assets_facts f ON f.id = a.id WHERE a.parent_id = $1 ORDER BY a.sort_order, a.id`,
        [parent.id],
      );
      const expected = orderChildren(
        facts.child_ids.filter((c) =>
          children.some((ch) => ch.id === c && ch.legacy_parent === parent.id),
        ),
        children.map((c) => ({ id: c.id, createdAt: c.created_at })),
      );
      expect(children.map((c) => c.id)).toEqual(expected);
      expect(children.map((c) => Number(c.sort_order))).toEqual(
        children.map((_, i) => (i + 1) * 1024),
      );
    }
    // A stack numbered 1, 3 is renumbered 1, 2; an empty stack is a folder.
    const gappy = await db.query<{ version: number }>(
      `SELECT v.version FROM assets s JOIN assets v ON v.parent_id = s.id WHERE s.legacy_id = $1 ORDER BY v.version`,
      [fixtures.quirks.versions_gap[0]],
    );
    expect(gappy.rows.map((r) => r.version)).toEqual([1, 2]);
    expect(
      (
        await one<{ type: string }>(`SELECT type FROM assets WHERE legacy_id = $1`, [
          fixtures.quirks.empty_stack[0],
        ])
      ).type,
    ).toBe('folder');
    // An untouched file inside a deleted folder is trashed with it; the folder is the trash root.
    const inside = await one<{
      deleted_at: Date | null;
      trash_root: string | null;
      parent_deleted: Date;
    }>(
      `SELECT a.deleted_at, a.trash_root_id AS trash_root, par.deleted_at AS parent_deleted FROM assets a
       JOIN assets par ON par.id = a.parent_id WHERE a.legacy_id = $1 AND par.trash_root_id = par.id`,
      [fixtures.quirks.trash_inherited[0]],
    );
    expect(inside.deleted_at).toEqual(inside.parent_deleted);
    expect(inside.trash_root).not.toBeNull();
    // Replies: a reply to a reply hangs on the thread's top comment; a lost parent makes a top comment.
    const nested = await one<{ grandparent: string | null; parent: string | null }>(
      `SELECT c.parent_id AS parent, p.parent_id AS grandparent FROM comments c LEFT JOIN comments p ON p.id = c.parent_id WHERE c.legacy_id = $1`,
      [fixtures.quirks.nested_reply[0]],
    );
    expect(nested.parent).not.toBeNull();
    expect(nested.grandparent).toBeNull();
    expect(
      (
        await one<{ parent_id: string | null }>(
          `SELECT parent_id FROM comments WHERE legacy_id = $1`,
          [fixtures.quirks.orphan_reply[0]],
        )
      ).parent_id,
    ).toBeNull();
    // An account whose owner did not migrate gets exactly one owner (its first admin).
    const owners = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.legacy_id = $1 AND m.role = 'owner'`,
      [fixtures.quirks.owner_missing[0]],
    );
    expect(owners.n).toBe(1);
    // Emails are lower-cased; the deleted user is locked; the duplicate's winner keeps the email.
    const variant = await one<{ email: string }>(`SELECT email FROM users WHERE legacy_id = $1`, [
      fixtures.quirks.email_case_variant[0],
    ]);
    expect(variant.email).toBe(variant.email.toLowerCase());
    expect(
      (
        await one<{ status: string }>(`SELECT status FROM users WHERE legacy_id = $1`, [
          fixtures.quirks.deleted_user[0],
        ])
      ).status,
    ).toBe('locked');
    expect(
      (
        await one<{ id: string }>(`SELECT id FROM users WHERE legacy_id = $1`, [
          fixtures.quirks.email_duplicate_winner[0],
        ])
      ).id,
    ).toBe(newIdFromHex('users', fixtures.quirks.email_duplicate_winner[0]));
  });

  it('a re-run over the same data writes no row', async () => {
    const before = await rowVersions(url);
    const content = await contentFingerprint(url);
    const run = await dynasaur(['migrate', '--all', ...source(), '--segments', '2'], url);
    expect(run.code).toBe(0);
    expect(await rowVersions(url)).toEqual(before);
    expect(await contentFingerprint(url)).toEqual(content);
  });

  it('after kill -9 mid-run, --resume ends with exactly the data of an uninterrupted run', async () => {
    const expected = await contentFingerprint(url);
    const second = await createTestDatabase();
    databases.push(second);
    const child = spawnDynasaur(
      ['migrate', '--all', ...source(), '--segments', '3', '--batch-rows', '20'],
      {
        DATABASE_URL: second,
      },
    );
    const watcher = new Client({ connectionString: second });
    await watcher.connect();
    try {
      // Kill it in the middle of the assets, a few batches in.
      for (let i = 0; i < 600; i++) {
        const { rows } = await watcher
          .query<{ n: string }>(
            `SELECT coalesce(sum(batches), 0) AS n FROM dynasaur.checkpoints WHERE table_name = 'assets'`,
          )
          .catch(() => ({ rows: [{ n: '0' }] }));
        if (Number(rows[0].n) >= 4 || child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(child.exitCode).toBeNull();
      child.kill('SIGKILL');
      await exitOf(child);
      const { rows } = await watcher.query<{ state: string }>(
        `SELECT state FROM dynasaur.runs WHERE table_name = 'assets'`,
      );
      expect(rows[0].state).toBe('scanning');
    } finally {
      await watcher.end();
    }
    const refused = await dynasaur(['migrate', '--all', ...source()], second).catch(
      (e: Error) => e,
    );
    expect(refused).toBeInstanceOf(Error);
    expect(String(refused)).toContain('--resume');
    const resumed = await dynasaur(
      ['migrate', '--all', ...source(), '--resume', '--segments', '5'],
      second,
    );
    expect(resumed.code).toBe(0);
    expect(await contentFingerprint(second)).toEqual(expected);
    const status = await dynasaur(['status'], second);
    expect(status.out).toContain('assets: done');
  });

  it('--max-errors stops cleanly with exit code 3, and --resume finishes the same data', async () => {
    const expected = await contentFingerprint(url);
    const third = await createTestDatabase();
    databases.push(third);
    const stopped = await dynasaur(['migrate', '--all', ...source(), '--max-errors', '0'], third);
    expect(stopped.code).toBe(3);
    expect(stopped.out).toContain('(stopped)');
    const resumed = await dynasaur(['migrate', '--all', ...source(), '--resume'], third);
    expect(resumed.code).toBe(0);
    expect(await contentFingerprint(third)).toEqual(expected);
  });

  it('--dry-run reads and translates without a database, counting parse rejects', async () => {
    const run = await dynasaur(['migrate', '--table', 'users', ...source(), '--dry-run']);
    expect(run.code).toBe(0);
    const parseRejects = fixtures.rejects.filter(
      (r) => r.table === 'users' && r.reason !== 'duplicate_email',
    );
    expect(run.out).toMatch(
      new RegExp(
        `users\\s+${fixtures.counts.users}\\s+${fixtures.counts.users - parseRejects.length}\\s+${parseRejects.length}`,
      ),
    );
  });
});
