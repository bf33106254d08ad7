interface Flight {
  readonly tags: ReadonlySet<string>;
  promise: Promise<unknown>;
  /** Overtaken by an invalidation: answer the callers, store nothing. */
  stale: boolean;
}

/**
 * Loads in flight, per key: concurrent misses share one, and invalidations that arrive while it
 * runs mark it stale (its result is then not stored) and detach it, so callers after the
 * invalidation start a fresh load instead of joining one that may predate the change.
 */
export class SingleFlight {
  private readonly flights = new Map<string, Flight>();

  get size(): number {
    return this.flights.size;
  }

  /** The running load of this key, if any. */
  join<T>(key: string): Promise<T> | undefined {
    return this.flights.get(key)?.promise as Promise<T> | undefined;
  }

  /** Starts a load; `store` runs with the value unless the load was overtaken meanwhile. */
  start<T>(
    key: string,
    tags: readonly string[],
    load: () => Promise<T>,
    store: (value: T) => Promise<void>,
  ): Promise<T> {
    const existing = this.join<T>(key);
    if (existing) return existing;
    const flight: Flight = { tags: new Set(tags), stale: false, promise: Promise.resolve() };
    // In the map before the load runs: a load that fails at once must still find itself there.
    this.flights.set(key, flight);
    const promise = (async (): Promise<T> => {
      try {
        const value = await load();
        if (!flight.stale) await store(value);
        return value;
      } finally {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      }
    })();
    flight.promise = promise;
    return promise;
  }

  /** An invalidation of these keys and tags happened now. */
  overtake(keys: readonly string[], tags: readonly string[]): void {
    if (this.flights.size === 0) return;
    for (const [key, flight] of this.flights) {
      if (keys.includes(key) || tags.some((t) => flight.tags.has(t))) {
        flight.stale = true;
        this.flights.delete(key);
      }
    }
  }

  overtakeAll(): void {
    for (const flight of this.flights.values()) flight.stale = true;
    this.flights.clear();
  }
}
