import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { ledgerConsumers, LEDGER_CONSUMERS } from './testing/ledger-consumers';
import {
  deliveryRows,
  sql,
  startInstance,
  TestInstance,
  waitFor,
} from './testing/runtime-test-kit';

const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = 'libs/events/src/runtime/testing/crash-child.ts';

describe('a process killed with SIGKILL in the middle of its writes', () => {
  let url: string;
  let child: ChildProcess | undefined;
  let survivor: TestInstance | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
    await sql(url, 'CREATE TABLE test_effects (consumer text NOT NULL, event_id uuid NOT NULL)');
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await survivor?.close();
    await dropTestDatabase(url);
  });

  it('loses nothing: every committed event takes effect once per consumer after a restart', async () => {
    child = spawn(process.execPath, ['tools/scripts/run-ts.cjs', CHILD, url], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running = child;
    let stderr = '';
    running.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const reported: string[] = [];
    let buffer = '';
    running.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('committed ')) reported.push(line.slice(10));
    });
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    await waitFor(`the child commits 100 events (${stderr})`, () => reported.length >= 100, 60_000);
    running.kill('SIGKILL');
    await exited;

    // It left a backlog: committed events its consumers had not handled yet.
    const committed = (await sql<{ id: string }>(url, 'SELECT id FROM events')).map((r) => r.id);
    expect(committed.length).toBeGreaterThanOrEqual(reported.length);
    expect(new Set(committed)).toEqual(new Set([...committed, ...reported]));
    expect((await deliveryRows(url)).length).toBeGreaterThan(0);

    // The restarted process takes over once the dead one's leases run out.
    survivor = await startInstance(url, ledgerConsumers());
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0, 60_000);
    const effects = await sql<{ consumer: string; event_id: string; n: number }>(
      url,
      'SELECT consumer, event_id, count(*)::int AS n FROM test_effects GROUP BY consumer, event_id',
    );
    for (const consumer of LEDGER_CONSUMERS) {
      const mine = effects.filter((e) => e.consumer === consumer);
      expect(mine.map((e) => e.event_id).sort()).toEqual([...committed].sort());
      expect(mine.every((e) => e.n === 1)).toBe(true);
    }
  });
});
