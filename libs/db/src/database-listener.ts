import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client, Notification } from 'pg';
import { DATABASE_URL } from './database-url';
import { ReconnectBackoff, DEFAULT_RECONNECT_BACKOFF, reconnectDelayMs } from './reconnect-backoff';

export interface ChannelSubscription {
  /** A notification on the channel (payload as sent, '' when none). */
  onMessage(payload: string): void;
  /**
   * Listening (again) after the connection was (re)opened: notifications sent in between are
   * lost, so a subscriber catches up here (re-reads, clears a cache, sweeps).
   */
  onListening?(): void;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The process's one LISTEN connection, shared by every subscriber (event wake-ups, GraphQL live
 * updates, cache invalidations): one connection per process instead of one per loop. Channels
 * are LISTENed on the first subscription and UNLISTENed after the last. A lost connection is
 * re-opened with exponential backoff and jitter (reconnect-backoff.ts), every channel is
 * LISTENed again, and each subscriber's `onListening` runs; `listening` (readiness) is false in
 * between. Hand-written: pg-listen would do the reconnecting, but neither it nor pg shares one
 * connection between independent subscribers with catch-up hooks, and it is little code.
 */
@Injectable()
export class DatabaseListener implements OnModuleDestroy {
  private readonly channels = new Map<string, Set<ChannelSubscription>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  private readonly log = new Logger('DatabaseListener');
  backoff: ReconnectBackoff = DEFAULT_RECONNECT_BACKOFF;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** True while the connection is open and LISTENs on every subscribed channel. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Whether anyone subscribed (readiness only cares then). */
  get inUse(): boolean {
    return this.channels.size > 0;
  }

  /**
   * Subscribes to a channel; resolves once listening on it (or, when the database cannot be
   * reached now, once a first attempt failed: the subscription stays and retries in the
   * background). Returns the unsubscribe function.
   */
  async subscribe(
    channel: string,
    subscription: ChannelSubscription,
  ): Promise<() => Promise<void>> {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    if (this.stopped) throw new Error('DatabaseListener is stopped');
    let subscribers = this.channels.get(channel);
    const isNew = !subscribers;
    if (!subscribers) {
      subscribers = new Set();
      this.channels.set(channel, subscribers);
    }
    subscribers.add(subscription);
    const wasOpen = this.client !== null;
    // Opening LISTENs every channel and tells every subscriber it listens.
    if (!wasOpen) await this.connect();
    const client = this.client;
    if (client && isNew) {
      // Also after an open that began before this channel was added (LISTEN is idempotent).
      await client.query(`LISTEN ${channel}`).catch((error: unknown) => this.lost(client, error));
    }
    if (wasOpen && this.client) subscription.onListening?.();
    return async () => {
      const set = this.channels.get(channel);
      if (!set?.delete(subscription) || set.size > 0) return;
      this.channels.delete(channel);
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.stopped || this.client) return;
    const client = new Client({
      connectionString: this.url,
      application_name: 'dailies-listen',
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => this.deliver(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) this.log.log('Listening again');
    this.client = client;
    this.failures = 0;
    for (const subscribers of this.channels.values()) {
      for (const s of subscribers) s.onListening?.();
    }
  }

  private deliver(message: Notification): void {
    for (const s of this.channels.get(message.channel) ?? []) {
      try {
        s.onMessage(message.payload ?? '');
      } catch (error) {
        this.log.error(`A ${message.channel} subscriber failed: ${String(error)}`);
      }
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.stopped || (this.client !== null && this.client !== client) || this.retry) return;
    if (this.client === client) void client.end().catch(() => undefined);
    this.client = null;
    this.failures += 1;
    if (this.failures === 1) {
      this.log.warn(`LISTEN connection lost${error ? ` (${String(error)})` : ''}; reconnecting`);
    }
    this.retry = setTimeout(
      () => {
        this.retry = undefined;
        void this.connect();
      },
      reconnectDelayMs(this.failures, this.backoff),
    );
    this.retry.unref();
  }
}
