import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { Client, Pool } from 'pg';
import { DATABASE_URL } from './database-url';

/** How often the watchdog asks PostgreSQL for a sign of life, and how long it waits for one. */
export interface WatchdogTiming {
  intervalMs: number;
  /** No answer within this (or an error): PostgreSQL counts as unavailable. */
  unresponsiveAfterMs: number;
}

export const DEFAULT_WATCHDOG_TIMING: WatchdogTiming = {
  intervalMs: 1_000,
  unresponsiveAfterMs: 2_500,
};

type Listener = (available: boolean) => void;

/**
 * Makes requests fail fast when PostgreSQL freezes or goes away. A frozen server (SIGSTOP, a
 * hung host, a network partition) answers nothing, so a query on an open connection would wait
 * out the 12 s client read timeout (connection-settings.ts) and a request would hang that long.
 * The watchdog pings on a connection of its own; when no answer comes within
 * `unresponsiveAfterMs` it breaks every connection of the request pools it watches: their
 * queries fail at once with ECONNRESET (answered 503 + Retry-After by every transport; an open
 * transaction is rolled back by the server when it sees the socket gone), and new requests open
 * new connections, which the 3 s connect timeout bounds. When pings are answered again it says
 * so and the pools reconnect on demand. Hand-written rather than a library: pg has no
 * per-request deadline for a server that stopped answering, and pg-pool has no circuit breaker.
 */
@Injectable()
export class DatabaseWatchdog implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly clients = new Set<Client>();
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private probe: Client | null = null;
  private pinging = false;
  private up = true;
  private stopped = false;
  private readonly log = new Logger('DatabaseWatchdog');
  timing: WatchdogTiming = DEFAULT_WATCHDOG_TIMING;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** False from a failed ping until the next answered one. */
  get available(): boolean {
    return this.up;
  }

  /** Watch a request pool: its connections are broken when PostgreSQL stops answering. */
  watch(pool: Pool): void {
    pool.on('connect', (client) => this.clients.add(client as Client));
    pool.on('remove', (client) => this.clients.delete(client as Client));
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.ping(), this.timing.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    const probe = this.probe;
    this.probe = null;
    if (probe) destroy(probe);
    await probe?.end().catch(() => undefined);
  }

  /** One ping; resolves once it answered or was given up. */
  async ping(): Promise<boolean> {
    if (this.pinging || this.stopped) return this.up;
    this.pinging = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      // setImmediate: timers run before socket reads in a turn of the loop, so a process that was
      // itself starved of CPU would see its deadline before an answer that did arrive in time.
      timer = setTimeout(
        () =>
          setImmediate(() =>
            reject(new Error(`no answer in ${this.timing.unresponsiveAfterMs} ms`)),
          ),
        this.timing.unresponsiveAfterMs,
      );
    });
    try {
      await Promise.race([this.sendPing(), deadline]);
      this.set(true);
    } catch (error) {
      const probe = this.probe;
      this.probe = null;
      if (probe) destroy(probe);
      if (!this.stopped) this.set(false, error);
    } finally {
      clearTimeout(timer);
      this.pinging = false;
    }
    return this.up;
  }

  private async sendPing(): Promise<void> {
    if (!this.probe) {
      const probe = new Client({
        connectionString: this.url,
        application_name: 'dailies-watchdog',
        connectionTimeoutMillis: this.timing.unresponsiveAfterMs,
      });
      probe.on('error', () => {
        if (this.probe === probe) this.probe = null;
      });
      this.probe = probe;
      await probe.connect();
    }
    await this.probe.query('SELECT 1 AS watchdog');
  }

  private set(available: boolean, error?: unknown): void {
    if (available === this.up) return;
    this.up = available;
    if (available) {
      this.log.log('PostgreSQL answers again');
    } else {
      this.log.warn(`PostgreSQL does not answer (${String(error)}); failing requests fast`);
      for (const client of this.clients) destroy(client);
    }
    for (const listener of this.listeners) listener(available);
  }
}

/**
 * Breaks a client's socket: its pending query fails now with ECONNRESET (which the transports
 * and Prisma's adapter read as "connection closed") instead of when the server answers.
 * `connection.stream` is pg's socket; pg has no public way to abort a query on a silent server.
 */
function destroy(client: Client): void {
  const stream = (client as unknown as { connection?: { stream?: { destroy(e?: Error): void } } })
    .connection?.stream;
  stream?.destroy(Object.assign(new Error('PostgreSQL stopped answering'), { code: 'ECONNRESET' }));
}
