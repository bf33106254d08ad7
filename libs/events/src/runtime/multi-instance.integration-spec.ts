import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import {
  countBy,
  deliveryRows,
  Handled,
  sql,
  startInstance,
  TestConsumer,
  TestInstance,
  touchMany,
  waitFor,
} from './testing/runtime-test-kit';

const names = ['mail', 'search'] as const;

/** The same consumers on another instance, recording into the shared logs. */
function consumersFor(logs: Record<string, Handled[]>, behaviour?: TestConsumer['behaviour']) {
  return names.map(
    (name) =>
      new TestConsumer(
        { name, events: '*', concurrency: 2, bufferSize: 100 },
        behaviour,
        logs[name],
      ),
  );
}

function expectEachOnce(log: Handled[], ids: string[]) {
  const counts = countBy(log, (h) => h.eventId);
  expect(counts.size).toBe(ids.length);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(ids.every((id) => counts.has(id))).toBe(true);
}

describe('several instances on one database', () => {
  let url: string;
  const instances: TestInstance[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('handle each event exactly once per consumer, wherever it was committed', async () => {
    const logs = { mail: [] as Handled[], search: [] as Handled[] };
    const slow = async () => new Promise<void>((r) => setTimeout(r, Math.random() * 3));
    const a = await startInstance(url, consumersFor(logs, slow));
    const b = await startInstance(url, consumersFor(logs, slow));
    // An instance that commits but runs no consumers: its deliveries are announced and claimed.
    const writer = await startInstance(url, consumersFor(logs), { deliver: false });
    instances.push(a, b, writer);

    const committed = await Promise.all([
      touchMany(a.uow, 120, 4),
      touchMany(b.uow, 120, 4),
      touchMany(writer.uow, 120, 4),
    ]);
    const ids = committed.flat();
    await waitFor('every consumer has every event', () =>
      names.every((name) => new Set(logs[name].map((h) => h.eventId)).size === ids.length),
    );
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0);
    await new Promise((r) => setTimeout(r, 300));
    for (const name of names) expectEachOnce(logs[name], ids);

    // The writer's events went to the running instances (claimed, so attempt 1 and no repeats).
    const fromWriter = new Set(committed[2]);
    const handlers = new Set(
      logs.mail.filter((h) => fromWriter.has(h.eventId)).map((h) => h.instance),
    );
    expect(
      [...handlers].every((i) => i === a.runtime.instanceId || i === b.runtime.instanceId),
    ).toBe(true);
    expect(logs.mail.every((h) => h.attempt === 1)).toBe(true);
  });

  it('takes over the deliveries of a stopped instance and of a dead one', async () => {
    const logs = { mail: [] as Handled[], search: [] as Handled[] };
    // The doomed instance's handlers hang until the test ends, then give up without an effect.
    let abandon!: () => void;
    const abandoned = new Promise<void>((r) => (abandon = r));
    const doomed = await startInstance(
      url,
      consumersFor(logs, async () => {
        await abandoned;
        throw new Error('abandoned');
      }),
      { leaseMs: 1_500, shutdownGraceMs: 100 },
    );
    const survivor = await startInstance(url, consumersFor(logs));
    instances.push(survivor);

    const ids = await touchMany(doomed.uow, 10, 1);
    await waitFor('the doomed instance is busy', () =>
      doomed.runtime.consumerWorkers().every((w) => w.lane.inFlight === 2 && w.lane.buffered === 8),
    );
    // Stopping hands back the 8 buffered deliveries per consumer; the 2 in flight stay leased
    // until their lease runs out.
    await doomed.close();

    // A dead instance (think SIGKILL) left leased deliveries behind.
    const ghostIds = await insertGhostDeliveries(url, 5);

    await waitFor('the survivor has every event', () =>
      names.every((name) => new Set(logs[name].map((h) => h.eventId)).size === 15),
    );
    abandon();
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0);
    for (const name of names) {
      expectEachOnce(logs[name], [...ids, ...ghostIds]);
      const attempts = new Map(logs[name].map((h) => [h.eventId, h.attempt]));
      // Handed back unstarted: still the first attempt. Taken over after the lease: the second.
      expect(ids.filter((id) => attempts.get(id) === 1)).toHaveLength(8);
      expect(ids.filter((id) => attempts.get(id) === 2)).toHaveLength(2);
      expect(ghostIds.every((id) => attempts.get(id) === 2)).toBe(true);
      expect(logs[name].every((h) => h.instance === survivor.runtime.instanceId)).toBe(true);
    }
  });
});

/** Events with deliveries leased by an instance that no longer exists (lease ends in 0.8 s). */
async function insertGhostDeliveries(url: string, count: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    url,
    `WITH inserted AS (
       INSERT INTO events (id, name, schema_version, occurred_at, actor, subject_type, subject_id, payload)
       SELECT gen_random_uuid(), 'widget.touched', 1, now(), '{"type":"system","name":"ghost"}',
              'widget', 'ghost-' || i, jsonb_build_object('n', i)
       FROM generate_series(1, $1::int) AS i
       RETURNING id, position, subject_type, subject_id
     ), leased AS (
       INSERT INTO event_deliveries
         (event_id, consumer, event_position, subject_type, subject_id, attempts, locked_by, locked_until)
       SELECT i.id, c.consumer, i.position, i.subject_type, i.subject_id, 1, 'ghost', now() + interval '800 milliseconds'
       FROM inserted i CROSS JOIN (VALUES ('mail'), ('search')) AS c(consumer)
     )
     SELECT id FROM inserted`,
    [count],
  );
  return rows.map((r) => r.id);
}
