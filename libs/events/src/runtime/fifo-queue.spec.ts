import { FifoQueue } from './fifo-queue';

describe('FifoQueue', () => {
  it('keeps order across wrap-arounds and growth', () => {
    const queue = new FifoQueue<number>();
    const expected: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so that the ring wraps before and after it grows.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < round + 3; i++) {
        queue.push(next);
        expected.push(next++);
      }
      for (let i = 0; i < round; i++) expect(queue.shift()).toBe(expected.shift());
      expect(queue.length).toBe(expected.length);
    }
    expect(queue.drain()).toEqual(expected);
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });
});
