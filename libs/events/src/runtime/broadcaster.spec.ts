import { Subject } from 'rxjs';
import { Broadcaster } from './broadcaster';
import { Lane } from './lane';

interface Item {
  name: string;
  n: number;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Lane', () => {
  it('runs synchronous handlers inline, in order, without recursion', () => {
    const seen: number[] = [];
    const lane = new Lane<number>({
      concurrency: 1,
      bufferSize: 0,
      handle: (n) => void seen.push(n),
    });
    let refused = 0;
    for (let i = 0; i < 100_000; i++) if (!lane.offer(i)) refused++;
    expect(refused).toBe(0);
    expect(seen.length).toBe(100_000);
    expect(seen[99_999]).toBe(99_999);
  });

  it('bounds concurrency and buffer, refuses beyond them, and resumes as slots free up', async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    let active = 0;
    let maxActive = 0;
    const refused: number[] = [];
    let roomCalls = 0;
    const lane = new Lane<number>({
      concurrency: 2,
      bufferSize: 3,
      handle: async (n) => {
        active++;
        maxActive = Math.max(maxActive, active);
        const gate = deferred();
        gates.set(n, gate);
        await gate.promise;
        active--;
      },
      onRefused: (n) => refused.push(n),
      onRoom: () => roomCalls++,
    });
    for (let i = 0; i < 7; i++) lane.offer(i);
    expect(lane.inFlight).toBe(2);
    expect(lane.buffered).toBe(3);
    expect(lane.room).toBe(0);
    expect(refused).toEqual([5, 6]);
    expect(lane.refused).toBe(2);

    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setImmediate(r));
      gates.get(i)!.resolve();
    }
    await lane.whenIdle();
    expect([...gates.keys()]).toEqual([0, 1, 2, 3, 4]);
    expect(maxActive).toBe(2);
    // Once per item taken from the buffer, once per slot that ran dry.
    expect(roomCalls).toBe(5);
  });

  it('reports handler errors and keeps going', async () => {
    const errors: unknown[] = [];
    const lane = new Lane<number>({
      concurrency: 1,
      bufferSize: 10,
      handle: async (n) => {
        if (n % 2) throw new Error(`odd ${n}`);
      },
      onError: (error) => errors.push(error),
    });
    for (let i = 0; i < 4; i++) lane.offer(i);
    await lane.whenIdle();
    expect(errors.map((e) => (e as Error).message)).toEqual(['odd 1', 'odd 3']);
  });

  it('hands back what has not started', async () => {
    const gate = deferred();
    const lane = new Lane<number>({ concurrency: 1, bufferSize: 10, handle: () => gate.promise });
    [1, 2, 3].forEach((n) => lane.offer(n));
    expect(lane.takeBuffered()).toEqual([2, 3]);
    gate.resolve();
    await lane.whenIdle();
    expect(lane.inFlight).toBe(0);
  });
});

describe('Broadcaster', () => {
  it('routes each item to the lanes that select it', () => {
    const got: Record<string, number[]> = { all: [], created: [], deleted: [] };
    const broadcaster = new Broadcaster<Item>((item) => item.name);
    const lane = (key: string) =>
      new Lane<Item>({ concurrency: 1, bufferSize: 0, handle: (i) => void got[key].push(i.n) });
    broadcaster.attach(lane('all'), '*');
    broadcaster.attach(lane('created'), ['team.created']);
    broadcaster.attach(lane('deleted'), ['team.deleted', 'account.deleted']);

    const source = new Subject<Item>();
    const subscription = broadcaster.connect(source);
    source.next({ name: 'team.created', n: 1 });
    source.next({ name: 'team.deleted', n: 2 });
    source.next({ name: 'team.renamed', n: 3 });
    subscription.unsubscribe();
    source.next({ name: 'team.created', n: 4 });

    expect(got).toEqual({ all: [1, 2, 3], created: [1], deleted: [2] });
  });

  it('a stuck lane holds up neither the publisher nor the other lanes', async () => {
    const never = new Promise<void>(() => undefined);
    const fast: number[] = [];
    const broadcaster = new Broadcaster<Item>((item) => item.name);
    const stuck = broadcaster.attach(
      new Lane<Item>({ concurrency: 2, bufferSize: 5, handle: () => never }),
      '*',
    );
    const quick = broadcaster.attach(
      new Lane<Item>({
        concurrency: 4,
        bufferSize: 100,
        handle: async (i) => {
          await Promise.resolve();
          fast.push(i.n);
        },
      }),
      '*',
    );
    const accepted = Array.from({ length: 50 }, (_, n) =>
      broadcaster.publish({ name: 'thing.happened', n }),
    );
    await quick.whenIdle();
    expect(fast.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(accepted.filter((a) => !a)).toHaveLength(43);
    expect(stuck.refused).toBe(43);
  });
});
