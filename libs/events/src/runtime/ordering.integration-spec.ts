import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { systemActor } from '../actor';
import type { UnitOfWork } from '../unit-of-work';
import {
  deliveryRows,
  GadgetMoved,
  Handled,
  sleep,
  startInstance,
  TestConsumer,
  TestInstance,
  waitFor,
} from './testing/runtime-test-kit';

const SUBJECTS = 8;
const MOVES = 15;

async function move(uow: UnitOfWork, gadget: string, seq: number): Promise<void> {
  await uow.run(async (_tx, events) =>
    events.record(
      new GadgetMoved({
        actor: systemActor('test'),
        subject: { type: 'gadget', id: gadget },
        payload: { seq },
      }),
    ),
  );
}

describe('a consumer ordered by aggregate', () => {
  let url: string;
  const instances: TestInstance[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await dropTestDatabase(url);
  });

  it('handles each aggregate’s events one at a time, in commit order, across instances and retries', async () => {
    const log: Handled[] = [];
    const lastDone = new Map<string, number>();
    const busy = new Set<string>();
    const violations: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const behaviour: TestConsumer['behaviour'] = async (event, ctx) => {
      const gadget = event.subject.id;
      const seq = (event.payload as { seq: number }).seq;
      if (busy.has(gadget)) violations.push(`${gadget}#${seq} started while another was running`);
      if ((lastDone.get(gadget) ?? -1) !== seq - 1) {
        violations.push(`${gadget}#${seq} started after #${lastDone.get(gadget)}`);
      }
      busy.add(gadget);
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        await sleep(Math.random() * 4);
        // Some events fail once: the later events of that gadget must wait for the retry.
        if (seq % 5 === 2 && ctx.attempt === 1) throw new Error('transient');
        lastDone.set(gadget, seq);
      } finally {
        busy.delete(gadget);
        running--;
      }
    };
    const consumer = () =>
      new TestConsumer(
        {
          name: 'projection',
          events: [GadgetMoved],
          orderedBySubject: true,
          concurrency: 8,
          retry: { maxAttempts: 5, initialDelayMs: 20, maxDelayMs: 100 },
        },
        behaviour,
        log,
      );
    const a = await startInstance(url, [consumer()]);
    const b = await startInstance(url, [consumer()]);
    instances.push(a, b);

    // Each gadget's moves are committed one after the other (as a command on one aggregate
    // would be), alternating between the instances; the gadgets in parallel.
    await Promise.all(
      Array.from({ length: SUBJECTS }, async (_, g) => {
        for (let seq = 0; seq < MOVES; seq++)
          await move((seq + g) % 2 ? a.uow : b.uow, `g${g}`, seq);
      }),
    );
    await waitFor('every move handled', () => log.length === SUBJECTS * MOVES, 60_000);
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0);

    expect(violations).toEqual([]);
    for (let g = 0; g < SUBJECTS; g++) {
      const seqs = log.filter((h) => h.subjectId === `g${g}`).map((h) => h.at);
      expect(seqs).toHaveLength(MOVES);
      expect(lastDone.get(`g${g}`)).toBe(MOVES - 1);
    }
    // Different aggregates did run at the same time, and both instances took part.
    expect(maxRunning).toBeGreaterThan(1);
    expect(new Set(log.map((h) => h.instance)).size).toBe(2);
    expect(log.filter((h) => h.attempt === 2)).toHaveLength(SUBJECTS * 3);
  });
});
