import { Pool, QueryResultRow } from 'pg';
import type { StoredEvent } from '../event-registry';
import { LIVE_CLAIMERS_CTE, unclaimedCondition } from './claimer-lock';
import type { ConsumerSettings } from './consumer-settings';
import { DELIVERY_CHANNEL, DeliveryNotice } from './delivery-notifications';

/** A claimed delivery; `event` is null when the event row has gone (the delivery is dropped). */
export interface ClaimedDelivery {
  eventId: string;
  /** Attempts started, this one included. */
  attempt: number;
  /** When the delivery row was written (epoch ms): the commit, redrive or replay. */
  scheduledAt: number;
  event: StoredEvent | null;
}

export interface DeliveryKey {
  consumer: string;
  eventId: string;
}

export interface DeliveryFailure extends DeliveryKey {
  dead: boolean;
  delayMs: number;
  error: string;
}

export interface ConsumerBacklog {
  consumer: string;
  pending: number;
  dead: number;
  /** Age of the oldest pending delivery (0 when none). */
  lagMs: number;
}

// An ordered consumer takes only the head of each aggregate's pending deliveries: a row whose
// subject has an earlier pending row (in flight, or waiting for a retry) is not due yet.
const ORDER_GUARD = `
    AND NOT EXISTS (
      SELECT 1 FROM event_deliveries p
      WHERE p.consumer = d.consumer AND p.subject_type = d.subject_type
        AND p.subject_id = d.subject_id AND p.event_position < d.event_position
        AND p.state = 'pending')`;

// Due rows: pending, available, not leased (or leased by an instance whose lease ran out, or
// whose claimer lock is gone: see claimer-lock.ts), and with attempts left (the sweep
// dead-letters the others). SKIP LOCKED keeps concurrent claimers of several instances off each
// other's rows; the lease keeps them off after this statement.
const claimSql = (ordered: boolean) => `
WITH ${LIVE_CLAIMERS_CTE},
due AS (
  SELECT d.event_id FROM event_deliveries d
  WHERE d.consumer = $1 AND d.state = 'pending' AND d.attempts < $2
    AND d.available_at <= now()
    AND ${unclaimedCondition('d')}${ordered ? ORDER_GUARD : ''}
  ORDER BY d.event_position
  LIMIT $3
  FOR UPDATE SKIP LOCKED
)
UPDATE event_deliveries d
SET locked_by = $4, locked_until = now() + $5::int * interval '1 millisecond',
    attempts = d.attempts + 1
FROM due LEFT JOIN events e ON e.id = due.event_id
WHERE d.consumer = $1 AND d.event_id = due.event_id
RETURNING d.event_id, d.attempts, d.event_position, d.created_at, e.id AS found_id, e.name, e.schema_version,
  e.occurred_at, e.actor, e.account_id, e.team_id, e.project_id, e.subject_type, e.subject_id,
  e.payload, e.request_id, e.ip`;

const CLAIM_UNORDERED = claimSql(false);
const CLAIM_ORDERED = claimSql(true);

const ACK_SQL = `
DELETE FROM event_deliveries d
USING unnest($1::uuid[], $2::text[]) AS t(event_id, consumer)
WHERE d.event_id = t.event_id AND d.consumer = t.consumer`;

// Only while the row is still ours: if our lease ran out and another instance took the row
// over, its outcome counts, not ours.
const FAIL_SQL = `
UPDATE event_deliveries d
SET state = CASE WHEN t.dead THEN 'dead' ELSE 'pending' END::event_delivery_state,
    available_at = now() + t.delay_ms * interval '1 millisecond',
    locked_by = NULL, locked_until = NULL, last_error = t.error, last_attempt_at = now()
FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::int[], $5::text[])
  AS t(event_id, consumer, dead, delay_ms, error)
WHERE d.event_id = t.event_id AND d.consumer = t.consumer AND d.locked_by = $6`;

// A released delivery was never started: its attempt does not count.
const RELEASE_SQL = `
UPDATE event_deliveries d
SET locked_by = NULL, locked_until = NULL, attempts = greatest(d.attempts - 1, 0)
FROM unnest($1::uuid[], $2::text[]) AS t(event_id, consumer)
WHERE d.event_id = t.event_id AND d.consumer = t.consumer AND d.locked_by = $3`;

// A lease that ran out (or a claimer that died) during the last attempt means the process died
// (or hung) handling it — maybe because of this very event; giving up stops a crash loop.
const BURY_SQL = `
WITH ${LIVE_CLAIMERS_CTE}
UPDATE event_deliveries d
SET state = 'dead', locked_by = NULL, locked_until = NULL, last_attempt_at = now(),
    last_error = concat_ws(E'\\n', last_error,
      'The lease ran out during the last attempt (the instance crashed or hung).')
WHERE consumer = $1 AND state = 'pending' AND attempts >= $2
  AND ${unclaimedCondition('d')}`;

const BACKLOG_SQL = `
SELECT consumer,
  count(*) FILTER (WHERE state = 'pending')::int AS pending,
  count(*) FILTER (WHERE state = 'dead')::int AS dead,
  coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE state = 'pending')) * 1000,
    0)::float8 AS lag_ms
FROM event_deliveries GROUP BY consumer`;

interface ClaimRow {
  event_id: string;
  attempts: number;
  event_position: string;
  created_at: Date;
  found_id: string | null;
  name: string;
  schema_version: number;
  occurred_at: Date;
  actor: unknown;
  account_id: string | null;
  team_id: string | null;
  project_id: string | null;
  subject_type: string;
  subject_id: string;
  payload: unknown;
  request_id: string | null;
  ip: string | null;
}

/**
 * The runtime's SQL on `event_deliveries`, over a pool of its own (so that consumers' backlogs
 * never queue behind, or in front of, request traffic). Every write takes a batch.
 */
export class DeliveryStore {
  readonly pool: Pool;

  constructor(url: string, poolSize: number) {
    this.pool = new Pool({
      connectionString: url,
      max: poolSize,
      application_name: 'dailies-events',
    });
    // An idle client losing its server (restart, failover) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async claim(
    settings: ConsumerSettings,
    owner: string,
    leaseMs: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const sql = settings.orderedBySubject ? CLAIM_ORDERED : CLAIM_UNORDERED;
    const rows = await this.query<ClaimRow>(sql, [
      settings.name,
      settings.retry.maxAttempts,
      limit,
      owner,
      leaseMs,
    ]);
    // RETURNING comes in no particular order; hand the rows out in event order.
    return rows
      .sort((a, b) => Number(a.event_position) - Number(b.event_position))
      .map((row) => ({
        eventId: row.event_id,
        attempt: row.attempts,
        scheduledAt: row.created_at.getTime(),
        event: toStored(row),
      }));
  }

  async ack(batch: readonly DeliveryKey[]): Promise<void> {
    const keys = inLockOrder(batch);
    await this.pool.query(ACK_SQL, [keys.map((k) => k.eventId), keys.map((k) => k.consumer)]);
  }

  async fail(owner: string, batch: readonly DeliveryFailure[]): Promise<void> {
    const failures = inLockOrder(batch);
    await this.pool.query(FAIL_SQL, [
      failures.map((f) => f.eventId),
      failures.map((f) => f.consumer),
      failures.map((f) => f.dead),
      failures.map((f) => Math.round(f.delayMs)),
      failures.map((f) => f.error),
      owner,
    ]);
  }

  async release(owner: string, batch: readonly DeliveryKey[]): Promise<void> {
    const keys = inLockOrder(batch);
    await this.pool.query(RELEASE_SQL, [
      keys.map((k) => k.eventId),
      keys.map((k) => k.consumer),
      owner,
    ]);
  }

  /** Dead-letters deliveries whose last attempt's lease ran out; returns how many. */
  async buryAbandoned(settings: ConsumerSettings): Promise<number> {
    const result = await this.pool.query(BURY_SQL, [settings.name, settings.retry.maxAttempts]);
    return result.rowCount ?? 0;
  }

  async backlog(): Promise<ConsumerBacklog[]> {
    const rows = await this.query<{
      consumer: string;
      pending: number;
      dead: number;
      lag_ms: number;
    }>(BACKLOG_SQL);
    return rows.map((r) => ({
      consumer: r.consumer,
      pending: r.pending,
      dead: r.dead,
      lagMs: Math.max(0, Math.round(r.lag_ms)),
    }));
  }

  /** Wakes the consumers' workers on every instance (this one included). */
  async announce(consumers: readonly string[] | '*'): Promise<void> {
    const notice: DeliveryNotice = { from: null, consumers };
    await this.pool.query('SELECT pg_notify($1, $2)', [DELIVERY_CHANNEL, JSON.stringify(notice)]);
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Batches that lock rows in one order cannot deadlock each other (e.g. two instances
 * acknowledging the same taken-over deliveries).
 */
function inLockOrder<K extends DeliveryKey>(keys: readonly K[]): K[] {
  return [...keys].sort((a, b) => compare(a.eventId, b.eventId) || compare(a.consumer, b.consumer));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toStored(row: ClaimRow): StoredEvent | null {
  if (row.found_id === null) return null;
  return {
    id: row.found_id,
    name: row.name,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at,
    actor: row.actor,
    accountId: row.account_id,
    teamId: row.team_id,
    projectId: row.project_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
    requestId: row.request_id,
    ip: row.ip,
  };
}
