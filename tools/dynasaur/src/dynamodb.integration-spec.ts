import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { DynamoLoader } from './fixtures/dynamo-loader';
import { ExportWriter } from './fixtures/export-writer';
import { FixtureSummary, generateFixtures } from './fixtures/generate';
import { dynasaur } from './testing/cli';
import { FaultProxy, startFaultProxy } from './testing/fault-proxy';
import { contentFingerprint } from './testing/fingerprint';

describe('dynasaur migrate (live DynamoDB source, dynalite)', () => {
  let dir: string;
  let dynamo: Server;
  let proxy: FaultProxy;
  let fixtures: FixtureSummary;
  const databases: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynasaur-ddb-'));
    dynamo = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;
    // The same records go to an export and into DynamoDB, so both sources can be compared.
    const loader = new DynamoLoader(endpoint);
    await loader.createTables();
    const writer = new ExportWriter(path.join(dir, 'export'), 2);
    fixtures = await generateFixtures({ scale: 1, seed: 11 }, async (table, item) => {
      await loader.write(table, item);
      await writer.write(table, item);
    });
    await loader.close();
    await writer.close();
    proxy = await startFaultProxy(endpoint);
  });

  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    for (const d of databases) await dropTestDatabase(d);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completes through throttling with the same data as the export, and verify agrees', async () => {
    const fromExport = await createTestDatabase();
    const fromDynamo = await createTestDatabase();
    databases.push(fromExport, fromDynamo);
    expect(
      (
        await dynasaur(
          ['migrate', '--all', '--source', 'export', '--export-dir', path.join(dir, 'export')],
          fromExport,
        )
      ).code,
    ).toBe(0);

    const summaryFile = path.join(dir, 'summary.json');
    const run = await dynasaur(
      [
        'migrate',
        '--all',
        '--source',
        'dynamodb',
        '--endpoint',
        proxy.url,
        '--segments',
        '3',
        '--retry-base-ms',
        '5',
        '--summary',
        summaryFile,
      ],
      fromDynamo,
    );
    expect(run.code).toBe(0);
    expect(proxy.injected).toBeGreaterThan(5);
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as {
      tables: Record<string, { read: number }>;
    };
    for (const [table, generated] of Object.entries(fixtures.counts))
      expect(summary.tables[table].read).toBe(generated);
    expect(await contentFingerprint(fromDynamo)).toEqual(await contentFingerprint(fromExport));

    const verify = await dynasaur(
      ['verify', '--all', '--source', 'dynamodb', '--endpoint', proxy.url, '--retry-base-ms', '5'],
      fromDynamo,
    );
    expect(verify.out).toContain('verify: source and target agree');
  });

  it('caps the read rate of a live table (--max-read-rate)', async () => {
    const url = await createTestDatabase();
    databases.push(url);
    const started = Date.now();
    const run = await dynasaur(
      [
        'migrate',
        '--table',
        'users',
        '--source',
        'dynamodb',
        '--endpoint',
        proxy.url,
        '--max-read-rate',
        '10',
        '--segments',
        '1',
        '--retry-base-ms',
        '5',
      ],
      url,
    );
    expect(run.code).toBe(0);
    // 14 users at 10 items/s cannot take less than about 1.4 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(fixtures.counts.users * 100 - 150);
  });
});
