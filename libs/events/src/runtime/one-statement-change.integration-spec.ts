import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { newId, Prisma } from '@dailies/db';
import { createTestDatabase, dropTestDatabase, tapPgStatements } from '@dailies/db/testing';
import { systemActor } from '../actor';
import { DELIVERY_CHANNEL } from './delivery-notifications';
import {
  deliveryRows,
  sleep,
  sql,
  startInstance,
  TestConsumer,
  TestInstance,
  waitFor,
  WidgetTouched,
} from './testing/runtime-test-kit';

const touched = (id: string, n: number) =>
  new WidgetTouched({
    actor: systemActor('test'),
    subject: { type: 'widget', id },
    payload: { n },
  });

const insertWidget = (id: string, n: number) =>
  Prisma.sql`INSERT INTO test_widgets (id, n) VALUES (${id}::uuid, ${n}::int) RETURNING id, n`;

describe('UnitOfWork.runInOneStatement: a change and its events in one statement', () => {
  let url: string;
  let instance: TestInstance | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
    await sql(url, 'CREATE TABLE test_widgets (id uuid PRIMARY KEY, n int NOT NULL)');
    await sql(url, 'CREATE TABLE test_widget_tags (widget_id uuid NOT NULL, tag text NOT NULL)');
  });
  afterEach(async () => {
    await instance?.close();
    instance = undefined;
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('commits the change, its companions and its events in one statement, then delivers them', async () => {
    // One consumer on the fast path (leased at commit), one that must claim (ordered).
    const fast = new TestConsumer({ name: 'fast', events: '*' });
    const ordered = new TestConsumer({ name: 'ordered', events: '*', orderedBySubject: true });
    instance = await startInstance(url, [fast, ordered]);
    const id = newId();
    const event = touched(id, 7);
    const committed: string[] = [];
    const subscription = instance.uow.committed$.subscribe((events) =>
      committed.push(...events.map((e) => e.id)),
    );
    const statements: string[] = [];
    // Only this command's statements (the runtime's sweeps and acks run beside it).
    const stop = tapPgStatements((text) => {
      if (/test_widgets|BEGIN|COMMIT/.test(text)) statements.push(text);
    });
    const rows = await instance.uow.runInOneStatement<{ id: string; n: number }>((events) => {
      events.record(event);
      return {
        change: insertWidget(id, 7),
        alongside: [
          Prisma.sql`INSERT INTO test_widget_tags (widget_id, tag) SELECT change.id, 'new' FROM change`,
        ],
      };
    });
    stop();
    subscription.unsubscribe();

    expect(rows).toEqual([{ id, n: 7 }]);
    expect(statements).toHaveLength(1); // no BEGIN/COMMIT: the statement is atomic by itself
    expect(committed).toEqual([event.id]);
    expect(await sql(url, 'SELECT tag FROM test_widget_tags WHERE widget_id = $1', [id])).toEqual([
      { tag: 'new' },
    ]);
    const stored = await sql<{ name: string; subject_id: string }>(
      url,
      'SELECT name, subject_id FROM events WHERE id = $1',
      [event.id],
    );
    expect(stored).toEqual([{ name: 'widget.touched', subject_id: id }]);
    await waitFor('both consumers handle the event', () =>
      [fast, ordered].every((c) => c.eventIds().includes(event.id)),
    );
    await waitFor('both deliveries are done', async () =>
      (await deliveryRows(url)).every((row) => row.event_id !== event.id),
    );
  });

  it('announces the deliveries that wait for a claim after commit, in a statement of its own', async () => {
    const fast = new TestConsumer({ name: 'quick', events: '*' });
    const ordered = new TestConsumer({ name: 'in-order', events: '*', orderedBySubject: true });
    instance = await startInstance(url, [fast, ordered]);
    // Another instance listening on the channel, as a worker process would.
    const listener = new Client({ connectionString: url });
    await listener.connect();
    const notices: unknown[] = [];
    listener.on('notification', (n) => notices.push(JSON.parse(n.payload ?? 'null')));
    await listener.query(`LISTEN ${DELIVERY_CHANNEL}`);
    const sent: string[] = [];
    const stop = tapPgStatements((text) => {
      if (/test_widgets|pg_notify/.test(text))
        sent.push(/pg_notify/.test(text) ? 'notice' : 'change');
    });
    try {
      for (let n = 0; n < 3; n++) {
        const id = newId();
        await instance.uow.runInOneStatement((events) => {
          events.record(touched(id, n));
          return { change: insertWidget(id, n) };
        });
      }
      await instance.uow.announced();
      stop();
      await waitFor('the notice arrives', () => notices.length > 0);
    } finally {
      stop();
      await listener.end();
    }
    // Never inside the change (a NOTIFY there serialises every commit on one lock), always after.
    expect(sent[0]).toBe('change');
    expect(sent.filter((s) => s === 'notice').length).toBeGreaterThanOrEqual(1);
    expect(sent.filter((s) => s === 'notice').length).toBeLessThanOrEqual(3);
    // Only the consumer that claims is named; the fast-path one runs from memory here.
    for (const notice of notices) {
      expect(notice).toEqual({ from: instance.runtime.instanceId, consumers: ['in-order'] });
    }
    await waitFor('the ordered consumer handles all three', () => ordered.eventIds().length === 3);
  });

  it('writes no event when the change returns no row (a guard refused it)', async () => {
    const consumer = new TestConsumer({ name: 'watcher', events: '*' });
    instance = await startInstance(url, [consumer]);
    const event = touched(randomUUID(), 1);
    let announced = false;
    const subscription = instance.uow.committed$.subscribe(() => (announced = true));
    const rows = await instance.uow.runInOneStatement((events) => {
      events.record(event);
      return {
        change: Prisma.sql`INSERT INTO test_widgets (id, n) SELECT ${randomUUID()}::uuid, 1
                           WHERE false RETURNING id`,
      };
    });
    subscription.unsubscribe();

    expect(rows).toEqual([]);
    expect(announced).toBe(false);
    expect(await sql(url, 'SELECT id FROM events WHERE id = $1', [event.id])).toEqual([]);
    expect(await deliveryRows(url, 'watcher')).toEqual([]);
    await sleep(300);
    expect(consumer.calls).toBe(0);
  });

  it('writes neither the change nor its events when any part of the statement fails', async () => {
    instance = await startInstance(url, [new TestConsumer({ name: 'bystander', events: '*' })]);
    const id = newId();
    const event = touched(id, 2);
    await expect(
      instance.uow.runInOneStatement((events) => {
        events.record(event);
        return {
          change: insertWidget(id, 2),
          // Fails after the change and the outbox rows were written in the same statement.
          alongside: [
            Prisma.sql`INSERT INTO test_widget_tags (widget_id, tag) SELECT id, NULL FROM change`,
          ],
        };
      }),
    ).rejects.toThrow(/null value/);

    expect(await sql(url, 'SELECT id FROM test_widgets WHERE id = $1', [id])).toEqual([]);
    expect(await sql(url, 'SELECT id FROM events WHERE id = $1', [event.id])).toEqual([]);
  });

  it('sends one statement text whatever the values (prepared once per connection)', async () => {
    instance = await startInstance(url, [new TestConsumer({ name: 'counter', events: '*' })]);
    const uow = instance.uow;
    const texts = new Set<string>();
    const stop = tapPgStatements((text) => {
      if (text.includes('test_widgets')) texts.add(text);
    });
    for (let n = 0; n < 5; n++) {
      const id = newId();
      await uow.runInOneStatement((events) => {
        events.record(touched(id, n));
        return { change: insertWidget(id, n) };
      });
    }
    stop();
    expect(texts.size).toBe(1);
    expect(
      (await sql<{ n: number }>(url, 'SELECT count(*)::int AS n FROM test_widgets WHERE n < 5'))[0]
        .n,
    ).toBeGreaterThanOrEqual(5);
  });
});
