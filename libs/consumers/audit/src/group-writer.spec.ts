import { GroupWriter } from './group-writer';

describe('GroupWriter', () => {
  it('writes what arrives together in one call and what arrives meanwhile in the next', async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const writer = new GroupWriter<number>(async (items) => {
      calls.push(items);
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = [writer.add(1), writer.add(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const second = [writer.add(3), writer.add(4), writer.add(5)];
    release();
    await Promise.all([...first, ...second]);
    expect(calls).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('fails only the bad item of a failed group', async () => {
    const writer = new GroupWriter<number>(async (items) => {
      if (items.includes(13)) throw new Error('bad row');
    });
    const results = await Promise.allSettled([writer.add(1), writer.add(13), writer.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('caps the size of a group', async () => {
    const sizes: number[] = [];
    const writer = new GroupWriter<number>(async (items) => void sizes.push(items.length), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => writer.add(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
