import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import type { DomainEvent } from '../domain-event';
import type { DeliveryContext } from './consumer';
import {
  deliveryRows,
  sleep,
  sql,
  startInstance,
  TestConsumer,
  TestInstance,
  touch,
  waitFor,
} from './testing/runtime-test-kit';

/** A consumer whose effect is a row in test_effects, guarded by ctx.once. */
function ledger(name: string, slowFirstAttempt = 0) {
  const applied: { attempt: number; applied: boolean }[] = [];
  const consumer = new TestConsumer(
    { name, events: '*', timeoutMs: 10_000 },
    async (event: DomainEvent, ctx: DeliveryContext) => {
      const done = await ctx.once(async (tx) => {
        await tx.$executeRawUnsafe(
          'INSERT INTO test_effects (consumer, event_id) VALUES ($1, $2::uuid)',
          name,
          event.id,
        );
        // Still inside the transaction: a second delivery now must wait, then do nothing.
        if (ctx.attempt === 1) await sleep(slowFirstAttempt);
      });
      applied.push({ attempt: ctx.attempt, applied: done });
    },
  );
  return { consumer, applied };
}

describe('redelivery of an event to an idempotent consumer', () => {
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
      await sql<{ n: number }>(
        url,
        'SELECT count(*)::int AS n FROM test_effects WHERE consumer = $1',
        [consumer],
      )
    )[0].n;

  it('has no second effect when the delivery comes again after it was handled', async () => {
    const { consumer, applied } = ledger('ledger');
    instance = await startInstance(url, [consumer]);
    const eventId = await touch(instance.uow, 1);
    await waitFor('first delivery', () => applied.length === 1);
    await waitFor('acknowledged', async () => (await deliveryRows(url)).length === 0);

    // As if the acknowledgement had been lost in a crash: the delivery row is back.
    await sql(
      url,
      `INSERT INTO event_deliveries (event_id, consumer, event_position, subject_type, subject_id)
       SELECT id, 'ledger', position, subject_type, subject_id FROM events WHERE id = $1`,
      [eventId],
    );
    await waitFor('redelivery', () => applied.length === 2);
    expect(applied).toEqual([
      { attempt: 1, applied: true },
      { attempt: 1, applied: false },
    ]);
    expect(await effects('ledger')).toBe(1);
    expect(
      await sql(url, 'SELECT consumer FROM processed_events WHERE event_id = $1', [eventId]),
    ).toEqual([{ consumer: 'ledger' }]);
  });

  it('has no second effect when a lease runs out while the first delivery is still running', async () => {
    const { consumer, applied } = ledger('slow-ledger', 1_500);
    // The lease runs out long before the first attempt finishes: the sweep hands the delivery
    // out again while the first is still running, as if its instance had died.
    instance = await startInstance(url, [consumer], { leaseMs: 300 });
    await touch(instance.uow, 2);
    await waitFor('acknowledged', async () => (await deliveryRows(url)).length === 0);
    await waitFor('every delivery finished', () => applied.length === consumer.calls);
    // Each later delivery waited for the first one's marker (and ran past its own lease while
    // waiting, which let the sweep hand the event out once more): none had an effect.
    expect(consumer.calls).toBeGreaterThanOrEqual(2);
    applied.sort((a, b) => a.attempt - b.attempt);
    expect(applied[0]).toEqual({ attempt: 1, applied: true });
    expect(applied.slice(1).every((a) => a.attempt > 1 && !a.applied)).toBe(true);
    expect(await effects('slow-ledger')).toBe(1);
  });
});
