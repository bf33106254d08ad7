import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import type { DeliveryContext } from './consumer';
import {
  deliveryRows,
  sql,
  startInstance,
  TestConsumer,
  TestInstance,
  touch,
  waitFor,
} from './testing/runtime-test-kit';
import { GadgetMoved, WidgetTouched } from './testing/runtime-test-kit';
import type { EventClass } from '../domain-event';
import { systemActor } from '../actor';

const day = (d: number) => new Date(Date.UTC(2026, 0, d));

/** Idempotent through ctx.once: its effect is a row in test_effects. */
function ledger(name: string, events: '*' | EventClass[] = '*') {
  return new TestConsumer({ name, events }, async (event, ctx: DeliveryContext) => {
    await ctx.once((tx) =>
      tx
        .$executeRawUnsafe(
          'INSERT INTO test_effects (consumer, event_id) VALUES ($1, $2::uuid)',
          name,
          event.id,
        )
        .then(() => undefined),
    );
  });
}

describe('replay of a consumer over a time range', () => {
  let url: string;
  let instance: TestInstance | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
    await sql(url, 'CREATE TABLE test_effects (consumer text NOT NULL, event_id uuid NOT NULL)');
  });
  afterEach(async () => {
    await instance?.close();
    instance = undefined;
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  const effects = async (consumer: string) =>
    (
      await sql<{ event_id: string }>(
        url,
        'SELECT event_id FROM test_effects WHERE consumer = $1',
        [consumer],
      )
    ).map((r) => r.event_id);

  it('delivers the stored events of the range again; idempotent consumers have no second effect', async () => {
    // Three days of events, before the consumer "late" existed.
    instance = await startInstance(url, [ledger('early')]);
    const byDay = new Map<number, string[]>();
    for (const d of [1, 2, 3]) {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(
          await touch(instance.uow, d * 10 + i, {
            occurredAt: new Date(day(d).getTime() + i * 1000),
          }),
        );
      byDay.set(d, ids);
    }
    // An event the late consumer does not subscribe to, inside the range.
    await instance.uow.run(async (_tx, events) =>
      events.record(
        new GadgetMoved({
          actor: systemActor('t'),
          subject: { type: 'gadget', id: 'g' },
          payload: { seq: 1 },
          occurredAt: day(2),
        }),
      ),
    );
    await waitFor('early is done', async () => (await deliveryRows(url)).length === 0);
    await instance.close();

    const early = ledger('early');
    const late = ledger('late', [WidgetTouched]);
    instance = await startInstance(url, [early, late]);
    const { replay } = instance;

    // Day 2 only: [from, to).
    expect(await replay.replay('late', { from: day(2), to: day(3) })).toBe(3);
    await waitFor('day 2 delivered', () => late.handled.length === 3);
    expect(late.eventIds().sort()).toEqual([...byDay.get(2)!].sort());
    expect((await effects('late')).sort()).toEqual([...byDay.get(2)!].sort());

    // All three days: every event delivered again, day 2 without a second effect.
    expect(await replay.replay('late', { from: day(1), to: day(4) })).toBe(9);
    await waitFor('all days delivered', () => late.handled.length === 12);
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0);
    const all = [1, 2, 3].flatMap((d) => byDay.get(d)!);
    expect((await effects('late')).sort()).toEqual([...all].sort());

    // Replaying "early", which had handled them all already, changes nothing.
    expect(await replay.replay('early', { from: day(1), to: day(4) })).toBe(10);
    await waitFor('early replayed', () => early.handled.length === 10);
    expect((await effects('early')).length).toBe(10);

    expect(await replay.replay('late', { from: day(5), to: day(6) })).toBe(0);
    await expect(replay.replay('nobody', { from: day(1), to: day(2) })).rejects.toThrow(
      /Unknown consumer/,
    );
  });
});
