import crypto from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { DATABASE_URL, SqlPool } from '@dailies/db';
import { Client, Notification } from 'pg';
import { Cache, CACHE } from './cache';

/** The PostgreSQL channel on which instances with an in-process cache tell each other. */
export const CACHE_INVALIDATION_CHANNEL = 'cache_invalidation';

/** NOTIFY payloads must stay under 8,000 bytes; tags are sent in chunks below that. */
const MAX_PAYLOAD = 7_000;

/**
 * Only for the in-process cache: each instance has its own, so an invalidation must reach every
 * instance, not just the one that handled the event. Sent with NOTIFY on PostgreSQL (which every
 * instance already has), heard on a LISTEN connection of each instance. Messages sent while a
 * listener was disconnected are lost, so after every reconnect it clears its whole cache.
 * With Redis (one shared cache) it does nothing.
 */
@Injectable()
export class InvalidationBroadcast implements OnApplicationBootstrap, OnModuleDestroy {
  readonly instanceId = crypto.randomUUID();
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private readonly log = new Logger('InvalidationBroadcast');

  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    private readonly sql: SqlPool,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.cache.scope === 'process') await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
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

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'dailies-cache-listen',
    });
    client.on('notification', (message) => this.receive(message));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_INVALIDATION_CHANNEL}`);
    } catch (error) {
      this.log.warn(`Cannot listen for cache invalidations: ${String(error)}`);
      await client.end().catch(() => undefined);
      this.lost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Whatever was announced while we were not listening is unknown: start afresh.
    await this.cache.clear();
  }

  private receive(message: Notification): void {
    try {
      const { from, tags } = JSON.parse(message.payload ?? '') as { from?: string; tags?: unknown };
      if (from === this.instanceId || !Array.isArray(tags)) return;
      void this.cache.invalidateTags(tags.filter((t): t is string => typeof t === 'string'));
    } catch {
      void this.cache.clear();
    }
  }

  private lost(client: Client): void {
    if (this.stopped || (this.client !== null && this.client !== client) || this.retry) return;
    this.client = null;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.stopped) void this.connect();
    }, 1_000);
    this.retry.unref();
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
