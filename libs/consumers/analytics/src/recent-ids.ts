/**
 * Ids seen in the last `windowMs`, at most `maxSize` of them (the oldest are forgotten first).
 * Entries expire in insertion order, so forgetting is a walk from the front of the Map.
 */
export class RecentIds {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxSize = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  has(id: string): boolean {
    const expiry = this.expiries.get(id);
    return expiry !== undefined && expiry > this.now();
  }

  remember(ids: Iterable<string>): void {
    if (this.windowMs <= 0) return;
    const expiry = this.now() + this.windowMs;
    for (const id of ids) {
      this.expiries.delete(id);
      this.expiries.set(id, expiry);
    }
    this.forget();
  }

  get size(): number {
    return this.expiries.size;
  }

  private forget(): void {
    const now = this.now();
    for (const [id, expiry] of this.expiries) {
      if (expiry > now && this.expiries.size <= this.maxSize) return;
      this.expiries.delete(id);
    }
  }
}
