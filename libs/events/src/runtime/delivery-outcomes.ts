import { CoalescingBatcher } from './coalescing-batcher';
import type { DeliveryFailure, DeliveryKey, DeliveryStore } from './delivery-store';
import type { RuntimeLog } from './runtime-log';

export interface OutcomeHooks {
  /** After the rows of handled deliveries are gone (ordered consumers may take the next ones). */
  acked(keys: readonly DeliveryKey[]): void;
  /** After failures are recorded (retries are due after their delay). */
  failed(failures: readonly DeliveryFailure[]): void;
  /** After unstarted deliveries were handed back (they can be claimed again). */
  released(keys: readonly DeliveryKey[]): void;
}

/**
 * Where deliveries end: handled (row deleted), failed (retry later or dead letter), or handed
 * back unstarted (lease released). Each kind is written in batches, one statement per batch.
 * A write that fails is logged and dropped: the rows stay leased and are delivered again once
 * the lease runs out — at least once, never lost.
 */
export class DeliveryOutcomes {
  private readonly acks: CoalescingBatcher<DeliveryKey>;
  private readonly failures: CoalescingBatcher<DeliveryFailure>;
  private readonly releases: CoalescingBatcher<DeliveryKey>;
  private closed = false;

  constructor(store: DeliveryStore, owner: string, hooks: OutcomeHooks, log: RuntimeLog) {
    const warn = (what: string) => (error: unknown, batch: readonly unknown[]) =>
      log.error(`Could not record ${batch.length} ${what}; they will be redelivered`, error);
    this.acks = new CoalescingBatcher<DeliveryKey>(async (batch) => {
      await store.ack(batch);
      hooks.acked(batch);
    }, warn('handled deliveries'));
    this.failures = new CoalescingBatcher<DeliveryFailure>(async (batch) => {
      await store.fail(owner, batch);
      hooks.failed(batch);
    }, warn('failed deliveries'));
    this.releases = new CoalescingBatcher<DeliveryKey>(async (batch) => {
      await store.release(owner, batch);
      hooks.released(batch);
    }, warn('released deliveries'));
  }

  /** Writes not yet done, for queue-depth statistics. */
  get unwritten(): number {
    return this.acks.size + this.failures.size + this.releases.size;
  }

  ack(consumer: string, eventId: string): void {
    if (!this.closed) this.acks.push({ consumer, eventId });
  }

  fail(failure: DeliveryFailure): void {
    if (!this.closed) this.failures.push(failure);
  }

  release(consumer: string, eventId: string): void {
    if (!this.closed) this.releases.push({ consumer, eventId });
  }

  /** Writes everything recorded so far; later outcomes are ignored (their leases run out). */
  async close(): Promise<void> {
    await Promise.all([this.acks.flush(), this.failures.flush(), this.releases.flush()]);
    this.closed = true;
  }
}
