import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCli } from './cli/args';
import { encodeCopyRow } from './db/copy';
import { ExportWriter } from './fixtures/export-writer';
import { findCycleMembers } from './load/tables/tree-cycles';
import { UsageError } from './load/migrate-table';
import { ExportIntegrityError, ExportSource } from './sources/export-source';
import { isTransient, withRetry } from './sources/retry';

describe('dynasaur building blocks', () => {
  it('finds exactly the nodes on parent cycles, not what hangs below them', () => {
    const members = findCycleMembers([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'a' }, // below the cycle
      { id: 'd', parentId: 'd' }, // its own parent
      { id: 'e', parentId: 'f' },
      { id: 'f', parentId: 'g' },
      { id: 'g', parentId: 'e' },
    ]);
    expect(members).toEqual(['a', 'b', 'd', 'e', 'f', 'g']);
  });

  it('encodes COPY text rows: escapes, nulls, arrays', () => {
    expect(encodeCopyRow(['a\tb\\c\nd', null, 3, true, new Date(0), ['x', null, 'y"z']])).toBe(
      'a\\tb\\\\c\\nd\t\\N\t3\tt\t1970-01-01T00:00:00.000Z\t{"x",NULL,"y\\\\"z"}\n',
    );
  });

  it('reads options from the command line, then DYNASAUR_* variables, in load order', () => {
    const args = parseCli(['migrate', '--table', 'assets,users', '--segments', '8'], {
      DYNASAUR_BATCH_ROWS: '500',
    });
    expect(args.tables()).toEqual(['users', 'assets']);
    expect(args.int('segments', 4)).toBe(8);
    expect(args.int('batch-rows', 2000)).toBe(500);
    expect(() => parseCli(['migrate', '--table', 'nope']).tables()).toThrow(UsageError);
    expect(() => parseCli(['migrate', '--all', '--table', 'users']).tables()).toThrow(/not both/);
    expect(() => parseCli(['migrate', '--bogus'])).toThrow(UsageError);
  });

  it('retries transient errors with backoff and gives up on others', async () => {
    let calls = 0;
    const throttled = Object.assign(new Error('slow down'), {
      name: 'ProvisionedThroughputExceededException',
    });
    await expect(
      withRetry(
        async () => {
          if (++calls < 3) throw throttled;
          return 'page';
        },
        { attempts: 5, baseMs: 1, maxMs: 2 },
      ),
    ).resolves.toBe('page');
    expect(calls).toBe(3);
    expect(isTransient(Object.assign(new Error('bad'), { name: 'ValidationException' }))).toBe(
      false,
    );
  });

  it('refuses an export whose data file does not match its manifest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynasaur-unit-'));
    try {
      const writer = new ExportWriter(dir, 1);
      await writer.write('users', { id: 'a'.repeat(24) });
      await writer.close();
      const source = new ExportSource(dir);
      const read = async () => {
        const table = await source.open('users', 1);
        let n = 0;
        for await (const page of table.pages(0, null)) n += page.items.length;
        return n;
      };
      expect(await read()).toBe(1);
      const base = path.join(dir, 'users', 'AWSDynamoDB');
      const manifest = path.join(base, fs.readdirSync(base)[0], 'manifest-files.json');
      fs.writeFileSync(
        manifest,
        fs.readFileSync(manifest, 'utf8').replace('"itemCount":1', '"itemCount":2'),
      );
      await expect(read()).rejects.toThrow(ExportIntegrityError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
