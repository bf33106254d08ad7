import { CoalescingBatcher } from './coalescing-batcher';

describe('CoalescingBatcher', () => {
  it('writes the first batch on the next turn and coalesces what comes in meanwhile', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const batcher = new CoalescingBatcher<number>(async (batch) => {
      batches.push(batch);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    }, fail);
    batcher.push(1);
    batcher.push(2);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2]]);
    for (let i = 3; i <= 6; i++) batcher.push(i);
    release();
    await batcher.flush();
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5, 6],
    ]);
  });

  it('splits at the batch limit and reports failed writes without stopping', async () => {
    const batches: number[][] = [];
    const failed: number[][] = [];
    const batcher = new CoalescingBatcher<number>(
      async (batch) => {
        if (batch.includes(3)) throw new Error('boom');
        batches.push(batch);
      },
      (_error, batch) => failed.push([...batch]),
      2,
    );
    [1, 2, 3, 4, 5].forEach((n) => batcher.push(n));
    await batcher.flush();
    expect(batches).toEqual([[1, 2], [5]]);
    expect(failed).toEqual([[3, 4]]);
    expect(batcher.size).toBe(0);
  });
});

function fail(error: unknown): never {
  throw error;
}
