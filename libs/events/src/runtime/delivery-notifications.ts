import type { DatabaseListener } from '@dailies/db';
import { Observable, Subject } from 'rxjs';

/** The PostgreSQL channel on which new, redriven and replayed deliveries are announced. */
export const DELIVERY_CHANNEL = 'event_deliveries';

/** Who should look for work: `from` is the announcing runtime (it has woken itself already). */
export interface DeliveryNotice {
  from: string | null;
  consumers: readonly string[] | '*';
}

/**
 * Delivery notices from the process's shared LISTEN connection (DatabaseListener, which
 * reconnects with backoff and jitter). Whenever it listens (again) it emits a notice for all
 * consumers, since notifications sent while it was away are lost; the periodic sweep covers the
 * gap in between.
 */
export class DeliveryNotifications {
  private readonly notices = new Subject<DeliveryNotice>();
  readonly notices$: Observable<DeliveryNotice> = this.notices.asObservable();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly listener: DatabaseListener) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.listener.subscribe(DELIVERY_CHANNEL, {
      onMessage: (payload) => this.receive(payload),
      onListening: () => this.notices.next({ from: null, consumers: '*' }),
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.notices.complete();
  }

  private receive(payload: string): void {
    try {
      const notice = JSON.parse(payload) as DeliveryNotice;
      this.notices.next({ from: notice.from ?? null, consumers: notice.consumers ?? '*' });
    } catch {
      this.notices.next({ from: null, consumers: '*' });
    }
  }
}
