import { FifoQueue } from './fifo-queue';

export interface LaneOptions<T> {
  /** Items handled at the same time. */
  concurrency: number;
  /** Items waiting beyond those in flight; an item offered to a full lane is refused. */
  bufferSize: number;
  /** May return synchronously (then it costs no promise) or a promise. */
  handle: (item: T) => void | PromiseLike<unknown>;
  /** A handler threw or rejected. Defaults to ignoring it: wrap `handle` to deal with errors. */
  onError?: (error: unknown) => void;
  /** The buffer was full: the item was not taken (the durable runtime hands its lease back). */
  onRefused?: (item: T) => void;
  /** The lane has room again (an item left the buffer or a slot came free). */
  onRoom?: () => void;
}

/**
 * One consumer's executor: bounded concurrency over a bounded buffer. Hand-written rather than
 * `mergeMap(handle, concurrency)` because it is on the per-delivery hot path: a synchronous
 * handler costs a function call, an asynchronous one an `await` in one of at most
 * `concurrency` drain loops (no inner subscription, no promise chain per item), and a full
 * buffer refuses work instead of growing without bound.
 */
export class Lane<T> {
  private readonly queue = new FifoQueue<T>();
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly handle: LaneOptions<T>['handle'];
  private readonly onError: (error: unknown) => void;
  private readonly onRefused: ((item: T) => void) | undefined;
  private readonly onRoom: (() => void) | undefined;
  readonly concurrency: number;
  readonly bufferSize: number;
  /** Items refused because the buffer was full. */
  refused = 0;

  constructor(options: LaneOptions<T>) {
    this.concurrency = options.concurrency;
    this.bufferSize = options.bufferSize;
    this.handle = options.handle;
    this.onError = options.onError ?? (() => undefined);
    this.onRefused = options.onRefused;
    this.onRoom = options.onRoom;
  }

  get inFlight(): number {
    return this.active;
  }

  get buffered(): number {
    return this.queue.length;
  }

  /** How many more items the lane would accept right now. */
  get room(): number {
    return this.concurrency + this.bufferSize - this.active - this.queue.length;
  }

  /** Starts the item, buffers it, or refuses it (false) when the buffer is full. */
  offer(item: T): boolean {
    if (this.active < this.concurrency && this.queue.length === 0) {
      const pending = this.start(item);
      if (pending !== undefined) {
        this.active++;
        void this.drain(pending);
      }
      return true;
    }
    if (this.queue.length >= this.bufferSize) {
      this.refused++;
      this.onRefused?.(item);
      return false;
    }
    this.queue.push(item);
    return true;
  }

  /** Removes the items that have not started (at shutdown, to hand them back). */
  takeBuffered(): T[] {
    const items = this.queue.drain();
    this.notifyIfIdle();
    return items;
  }

  /** Resolves once nothing is buffered or in flight. */
  whenIdle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs the handler; returns its promise if it went asynchronous. */
  private start(item: T): PromiseLike<unknown> | undefined {
    try {
      const result = this.handle(item);
      if (result !== undefined && typeof result.then === 'function') return result;
    } catch (error) {
      this.onError(error);
    }
    return undefined;
  }

  /** One slot: waits for its handler, then takes buffered items until there are none. */
  private async drain(first: PromiseLike<unknown>): Promise<void> {
    let pending: PromiseLike<unknown> | undefined = first;
    while (pending !== undefined) {
      try {
        await pending;
      } catch (error) {
        this.onError(error);
      }
      pending = undefined;
      while (pending === undefined && this.queue.length > 0) {
        pending = this.start(this.queue.shift() as T);
        this.onRoom?.();
      }
    }
    this.active--;
    this.onRoom?.();
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.active === 0 && this.queue.length === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
