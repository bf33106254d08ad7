import { BoundedIterator } from './bounded-iterator';

describe('BoundedIterator', () => {
  it('hands values over in order, to waiting and later readers alike', async () => {
    const it = new BoundedIterator<number>(10, () => undefined);
    const waiting = it.next();
    it.push(1);
    it.push(2);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await it.next()).toEqual({ value: 2, done: false });
  });

  it('ends a subscription whose client falls more than maxPending behind', async () => {
    let closed = 0;
    const it = new BoundedIterator<number>(3, () => closed++);
    for (let i = 0; i < 4; i++) it.push(i);
    expect(it.pending).toBe(0);
    expect(closed).toBe(1);
    await expect(it.next()).rejects.toMatchObject({ extensions: { code: 'SLOW_CONSUMER' } });
    it.push(5);
    expect(it.pending).toBe(0);
  });

  it('stops listening when the client unsubscribes', async () => {
    let closed = 0;
    const it = new BoundedIterator<number>(3, () => closed++);
    const waiting = it.next();
    await it.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
