import { GraphQLError } from 'graphql';

/**
 * An async iterator over pushed values with a bounded buffer: a client that does not keep up
 * (more than `maxPending` values waiting) loses the subscription — it ends with a
 * SLOW_CONSUMER error and the client may subscribe again — instead of growing memory.
 */
export class BoundedIterator<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private failed: GraphQLError | null = null;
  private done = false;

  constructor(
    private readonly maxPending: number,
    private readonly onClose: () => void,
  ) {}

  push(value: T): void {
    if (this.done || this.failed) return;
    const waiter = this.waiting.shift();
    if (waiter) {
      waiter({ value, done: false });
      return;
    }
    if (this.queue.length >= this.maxPending) {
      this.queue.length = 0;
      this.failed = new GraphQLError(
        `More than ${this.maxPending} updates were waiting for this client; subscribe again`,
        { extensions: { code: 'SLOW_CONSUMER' } },
      );
      this.onClose();
      return;
    }
    this.queue.push(value);
  }

  get pending(): number {
    return this.queue.length;
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.failed) return Promise.reject(this.failed);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.onClose();
      for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
