import { Prisma } from '@dailies/db';
import { DELIVERY_CHANNEL, DeliveryNotice } from './delivery-notifications';
import { CoalescingBatcher } from './coalescing-batcher';
import { nestRuntimeLog, RuntimeLog } from './runtime-log';

/** Sends one notice (a JSON DeliveryNotice) on the delivery channel. */
export type SendNotice = (notice: string) => Promise<void>;

/**
 * The notice as a statement of its own, sent after the change has committed. Its transaction
 * skips waiting for the WAL flush (`synchronous_commit` off for it alone): a notice lost in a
 * crash costs at most one sweep interval, as does one missed while a listener reconnects.
 */
export function announceStatement(notice: string): Prisma.Sql {
  return Prisma.sql`SELECT set_config('synchronous_commit', 'off', true), pg_notify(${DELIVERY_CHANNEL}, ${notice})`;
}

/**
 * Announces committed deliveries to the other instances, after commit and coalesced.
 *
 * Why not `NOTIFY` inside the committing statement, as before: PostgreSQL serialises the commits
 * of every transaction that notified (it takes one database-wide lock in PreCommit_Notify and
 * holds it through the commit's WAL flush), so concurrent comment commits queued on that lock one
 * at a time instead of sharing a flush — `Lock:object` was the top wait event of bench:events.
 * Here at most one notice is in flight per process (a CoalescingBatcher); the consumers named
 * while it is in flight go out together in the next one. Our own workers need no notice (the
 * committing runtime wakes them in memory); a crash between commit and notice is covered by
 * every consumer's sweep.
 */
/** One commit's announcement: it always names its consumers (never '*'). */
type Announcement = DeliveryNotice & { readonly consumers: readonly string[] };

export class DeliveryAnnouncer {
  private readonly batcher: CoalescingBatcher<Announcement>;

  constructor(send: SendNotice, log: RuntimeLog = nestRuntimeLog('DeliveryAnnouncer')) {
    this.batcher = new CoalescingBatcher<Announcement>(
      (notices) => send(JSON.stringify(merge(notices))),
      (error, notices) =>
        log.warn(
          `Could not announce deliveries for ${merge(notices).consumers.join(', ')} (their sweep will find them): ${(error as Error).message}`,
        ),
    );
  }

  /** Schedules a notice for these consumers; never throws, never waits. */
  announce(from: string | null, consumers: readonly string[]): void {
    if (consumers.length > 0) this.batcher.push({ from, consumers });
  }

  /** Resolves once every notice scheduled so far has been sent (or has failed and been logged). */
  async whenIdle(): Promise<void> {
    await this.batcher.flush();
  }
}

/** One notice for all: every consumer named, from the one announcer they share (else null). */
function merge(notices: readonly Announcement[]): Announcement {
  const from = notices.every((n) => n.from === notices[0]?.from)
    ? (notices[0]?.from ?? null)
    : null;
  return { from, consumers: [...new Set(notices.flatMap((notice) => notice.consumers))] };
}
