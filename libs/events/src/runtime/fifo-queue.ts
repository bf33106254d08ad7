/**
 * A first-in-first-out queue on a ring buffer that doubles when full: O(1) push and shift with
 * no per-item allocation. Array#shift would copy a large array on every call, making a deep
 * buffer quadratic.
 */
export class FifoQueue<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = item;
    this.size++;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.size--;
    return item;
  }

  /** Empties the queue, returning what it held in order. */
  drain(): T[] {
    const rest: T[] = [];
    while (this.size > 0) rest.push(this.shift() as T);
    return rest;
  }

  private grow(): void {
    const old = this.items;
    const next = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}
