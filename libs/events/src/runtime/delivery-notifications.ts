import { Client, Notification } from 'pg';
import { Observable, Subject } from 'rxjs';
import type { RuntimeLog } from './runtime-log';

/** The PostgreSQL channel on which new, redriven and replayed deliveries are announced. */
export const DELIVERY_CHANNEL = 'event_deliveries';

/** Who should look for work: `from` is the announcing runtime (it has woken itself already). */
export interface DeliveryNotice {
  from: string | null;
  consumers: readonly string[] | '*';
}

/**
 * LISTENs on the delivery channel over a connection of its own and reconnects when it drops.
 * After every (re)connect it emits a notice for all consumers, since notifications sent while it
 * was away are lost; the periodic sweep covers the gap in between.
 */
export class DeliveryNotifications {
  private readonly notices = new Subject<DeliveryNotice>();
  readonly notices$: Observable<DeliveryNotice> = this.notices.asObservable();
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly log: RuntimeLog,
    private readonly reconnectDelayMs = 1_000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    this.notices.complete();
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: 'dailies-events-listen',
    });
    client.on('notification', (message) => this.receive(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERY_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.notices.next({ from: null, consumers: '*' });
  }

  private receive(message: Notification): void {
    try {
      const notice = JSON.parse(message.payload ?? '') as DeliveryNotice;
      this.notices.next({ from: notice.from ?? null, consumers: notice.consumers ?? '*' });
    } catch {
      this.notices.next({ from: null, consumers: '*' });
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.stopped || (this.client !== null && this.client !== client)) return;
    if (this.retry) return;
    this.client = null;
    if (error) this.log.warn(`Event notifications lost (${String(error)}); reconnecting`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.stopped) void this.connect();
    }, this.reconnectDelayMs);
    this.retry.unref();
  }
}
