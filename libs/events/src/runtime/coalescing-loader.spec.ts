import { CoalescingLoader } from './coalescing-loader';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingLoader', () => {
  it('reads the asks of one turn, and those made during a read, in one read each', async () => {
    const reads: number[][] = [];
    let release: () => void = () => undefined;
    const loader = new CoalescingLoader<number, string>(async (keys) => {
      reads.push(keys);
      if (reads.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return new Map(keys.map((k) => [k, `v${k}`]));
    });
    const first = [loader.load(1), loader.load(2)];
    await tick();
    // The first read is in flight: these wait and go out together.
    const second = [loader.load(3), loader.load(4), loader.load(5)];
    await tick();
    expect(reads).toEqual([[1, 2]]);
    release();
    expect(await Promise.all([...first, ...second])).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(reads).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('answers undefined for a key the read did not find', async () => {
    const loader = new CoalescingLoader<string, number>(async () => new Map([['a', 1]]));
    await expect(Promise.all([loader.load('a'), loader.load('b')])).resolves.toEqual([
      1,
      undefined,
    ]);
  });

  it('fails the asks of a failed read only, and reads again for the next ones', async () => {
    let calls = 0;
    const loader = new CoalescingLoader<number, number>(async (keys) => {
      if (++calls === 1) throw new Error('down');
      return new Map(keys.map((k) => [k, k * 10]));
    });
    await expect(loader.load(1)).rejects.toThrow('down');
    await expect(loader.load(2)).resolves.toBe(20);
  });

  it('splits a large batch into reads of at most maxBatch keys', async () => {
    const sizes: number[] = [];
    const loader = new CoalescingLoader<number, number>(
      async (keys) => {
        sizes.push(keys.length);
        return new Map(keys.map((k) => [k, k]));
      },
      { maxBatch: 3 },
    );
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((k) => loader.load(k)));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('runs up to maxInFlight reads at once; asks made while all are busy wait together', async () => {
    const reads: number[][] = [];
    const releases: (() => void)[] = [];
    const loader = new CoalescingLoader<number, number>(
      async (keys) => {
        reads.push(keys);
        await new Promise<void>((resolve) => releases.push(resolve));
        return new Map(keys.map((k) => [k, k]));
      },
      { maxInFlight: 2, maxBatch: 2 },
    );
    const all = [1, 2, 3].map((k) => loader.load(k));
    await tick();
    expect(reads).toEqual([[1, 2], [3]]);
    all.push(loader.load(4), loader.load(5));
    await tick();
    expect(reads).toHaveLength(2);
    releases[0]();
    await all[0];
    await tick();
    expect(reads[2]).toEqual([4, 5]);
    releases.forEach((release) => release());
    await tick();
    releases.forEach((release) => release());
    await expect(Promise.all(all)).resolves.toEqual([1, 2, 3, 4, 5]);
  });
});
