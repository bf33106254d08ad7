import crypto from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DatabaseListener, SqlPool } from '@dailies/db';
import { Cache, CACHE } from './cache';

/** The PostgreSQL channel on which instances with an in-process cache tell each other. */
export const CACHE_INVALIDATION_CHANNEL = 'cache_invalidation';

/** NOTIFY payloads must stay under 8,000 bytes; tags are sent in chunks below that. */
const MAX_PAYLOAD = 7_000;

/**
 * Only for the in-process cache: each instance has its own, so an invalidation must reach every
 * instance, not just the one that handled the event. Sent with NOTIFY on PostgreSQL (which every
 * instance already has), heard on the process's shared LISTEN connection (DatabaseListener).
 * Messages sent while it was disconnected are lost, so whenever it listens again this instance
 * clears its whole cache.
 * With Redis (one shared cache) it does nothing.
 */
@Injectable()
export class InvalidationBroadcast implements OnApplicationBootstrap, OnModuleDestroy {
  readonly instanceId = crypto.randomUUID();
  private unsubscribe: (() => Promise<void>) | undefined;
  private subscribed = false;
  private readonly pending = new Set<string>();
  private flushing: Promise<void> | null = null;

  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    private readonly sql: SqlPool,
    private readonly listener: DatabaseListener,
  ) {}

  get listening(): boolean {
    return this.subscribed && this.listener.listening;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.cache.scope !== 'process') return;
    this.unsubscribe = await this.listener.subscribe(CACHE_INVALIDATION_CHANNEL, {
      onMessage: (payload) => this.receive(payload),
      // Whatever was announced while we were not listening is unknown: start afresh.
      onListening: () => void this.cache.clear(),
    });
    this.subscribed = true;
  }

  async onModuleDestroy(): Promise<void> {
    this.subscribed = false;
    await this.unsubscribe?.();
  }

  /**
   * Tells the other instances to drop these tags (this one has dropped them already). Calls of
   * the same turn of the event loop share one NOTIFY: under load the cache consumer handles many
   * events at once, and one message per event would cost a round trip each.
   */
  publish(tags: readonly string[]): Promise<void> {
    if (this.cache.scope !== 'process' || tags.length === 0) return Promise.resolve();
    for (const tag of tags) this.pending.add(tag);
    this.flushing ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const batch = [...this.pending];
        this.pending.clear();
        this.flushing = null;
        this.send(batch).then(resolve, reject);
      });
    });
    return this.flushing;
  }

  private async send(tags: readonly string[]): Promise<void> {
    for (const chunk of chunks(tags)) {
      const payload = JSON.stringify({ from: this.instanceId, tags: chunk });
      await this.sql.query('SELECT pg_notify($1, $2)', [CACHE_INVALIDATION_CHANNEL, payload]);
    }
  }

  private receive(payload: string): void {
    try {
      const { from, tags } = JSON.parse(payload) as { from?: string; tags?: unknown };
      if (from === this.instanceId || !Array.isArray(tags)) return;
      void this.cache.invalidateTags(tags.filter((t): t is string => typeof t === 'string'));
    } catch {
      void this.cache.clear();
    }
  }
}

function chunks(tags: readonly string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const tag of tags) {
    if (current.length > 0 && size + tag.length + 3 > MAX_PAYLOAD) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(tag);
    size += tag.length + 3;
  }
  if (current.length > 0) result.push(current);
  return result;
}
