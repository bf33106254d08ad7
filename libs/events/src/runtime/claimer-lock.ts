import { reconnectDelayMs } from '@dailies/db';
import { Client } from 'pg';
import type { RuntimeLog } from './runtime-log';

/**
 * First key of the claimers' advisory locks (two-key form: this, hashtext(instance id)); no
 * other lock in the project uses it.
 */
export const CLAIMER_LOCK_CLASS = 1_145_130_316; // 'DAIL'

/**
 * Instances whose claimer lock is held right now, as a CTE: a claim (`locked_by`) whose
 * instance is not in it belongs to a dead session — a killed process, a lost connection — and
 * may be taken over at once instead of after its lease.
 */
export const LIVE_CLAIMERS_CTE = `live_claimers AS MATERIALIZED (
  SELECT l.objid FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${CLAIMER_LOCK_CLASS}
    AND l.objsubid = 2
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)`;

/** SQL condition on a delivery row `alias`: nobody holds it (no lease, lease ran out, dead claimer). */
export function unclaimedCondition(alias: string): string {
  return `(${alias}.locked_until IS NULL OR ${alias}.locked_until < now()
      OR hashtext(${alias}.locked_by)::oid NOT IN (SELECT objid FROM live_claimers))`;
}

/**
 * Ties this instance's claims to the liveness of a database session: a dedicated connection
 * holds the session-level advisory lock (CLAIMER_LOCK_CLASS, hashtext(instanceId)). PostgreSQL
 * releases it the moment the session ends — the process was killed, its host vanished (TCP
 * keep-alive), or the server restarted — and from then on other instances' claims treat this
 * instance's leases as expired. Lost connections are re-opened with backoff and jitter; while
 * the lock is not held, other instances may start this instance's deliveries again (consumers
 * are idempotent by event id). Hand-written rather than a library: no maintained package ties
 * row leases to session liveness, and it is one connection and one statement.
 */
export class ClaimerLock {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private heldNow = false;

  constructor(
    private readonly url: string,
    private readonly instanceId: string,
    private readonly log: RuntimeLog,
  ) {}

  /** True while this instance's lock is held (its claims count as alive). */
  get held(): boolean {
    return this.heldNow;
  }

  /** Takes the lock; when the database cannot be reached, keeps trying in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.heldNow = false;
    // Ending the session releases the lock.
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.url,
      application_name: 'dailies-events-claimer',
      connectionTimeoutMillis: 3_000,
      // A host that vanished without closing its socket is noticed by the server's keep-alive;
      // ours notices a server that vanished.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [CLAIMER_LOCK_CLASS, this.instanceId],
      );
      if (!rows[0]?.locked) {
        // Another live session holds the same key (a hash collision of instance ids): our
        // claims still look alive through theirs and fall back to the lease.
        this.log.warn(`Claimer lock of ${this.instanceId} is taken; leases alone protect claims`);
      }
      this.heldNow = rows[0]?.locked ?? false;
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
    this.failures = 0;
  }

  private lost(client: Client, error?: unknown): void {
    if (this.stopped || (this.client !== null && this.client !== client) || this.retry) return;
    this.client = null;
    this.heldNow = false;
    this.failures += 1;
    if (error && this.failures === 1) {
      this.log.warn(`Claimer lock lost (${String(error)}); reconnecting`);
    }
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, reconnectDelayMs(this.failures));
    this.retry.unref();
  }
}
