import type { ClientBase, Pool } from 'pg';
import { ErrorFingerprint } from './fingerprint';

/** One row of error_groups (1797300000100_error-groups.sql). */
export interface ErrorGroupRow {
  fingerprint: string;
  errorClass: string;
  message: string;
  frames: string[];
  source: string;
  occurrences: number;
  alertedOccurrences: number;
  state: 'open' | 'resolved' | 'regressed';
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  regressedAt: Date | null;
  lastAlertedAt: Date | null;
}

/** Occurrences of one group seen by this process since its last write. */
export interface Occurrences {
  print: ErrorFingerprint;
  source: string;
  /** The stack with its message replaced by the normalised one (no values from the request). */
  sampleStack: string | null;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Alert decisions (is a mail due? which groups does it cover?) are taken under this transaction
 * lock, so instances sharing the database never mail the same occurrences twice.
 */
const ALERT_DECISION_LOCK = 7_326_047_311;

const COLUMNS = `fingerprint, error_class AS "errorClass", message, frames, source,
  occurrences::float8 AS occurrences, alerted_occurrences::float8 AS "alertedOccurrences", state,
  first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", resolved_at AS "resolvedAt",
  regressed_at AS "regressedAt", last_alerted_at AS "lastAlertedAt"`;

export async function inTransaction<T>(
  pool: Pool,
  work: (c: ClientBase) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function lockAlertDecisions(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [ALERT_DECISION_LOCK]);
}

/**
 * Adds occurrences to their group (created on first sight). A resolved group that occurs again
 * becomes `regressed`. `alertWorthy`: the group is new or has just regressed.
 */
export async function recordOccurrences(
  client: ClientBase,
  o: Occurrences,
): Promise<{ group: ErrorGroupRow; alertWorthy: boolean }> {
  const before = await client.query<{ state: string }>(
    'SELECT state FROM error_groups WHERE fingerprint = $1 FOR UPDATE',
    [o.print.fingerprint],
  );
  const previous = before.rows[0]?.state;
  const result = await client.query<ErrorGroupRow>(
    `INSERT INTO error_groups AS g (fingerprint, error_class, message, frames, source, sample_stack,
       occurrences, first_seen_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (fingerprint) DO UPDATE SET
       occurrences = g.occurrences + EXCLUDED.occurrences,
       last_seen_at = GREATEST(g.last_seen_at, EXCLUDED.last_seen_at),
       sample_stack = COALESCE(EXCLUDED.sample_stack, g.sample_stack),
       state = CASE WHEN g.state = 'resolved' THEN 'regressed' ELSE g.state END,
       regressed_at = CASE WHEN g.state = 'resolved' THEN EXCLUDED.first_seen_at ELSE g.regressed_at END
     RETURNING ${COLUMNS}`,
    [
      o.print.fingerprint,
      o.print.errorClass,
      o.print.message,
      o.print.frames,
      o.source,
      o.sampleStack,
      o.count,
      o.firstAt,
      o.lastAt,
    ],
  );
  return { group: result.rows[0], alertWorthy: previous === undefined || previous === 'resolved' };
}

/** When the last alert mail (of any group) was decided. */
export async function lastAlertAt(client: ClientBase): Promise<Date | null> {
  const result = await client.query<{ at: Date | null }>(
    'SELECT max(last_alerted_at) AS at FROM error_groups',
  );
  return result.rows[0]?.at ?? null;
}

/** Groups with occurrences no alert mail has covered: new and regressed first, then the busiest. */
export async function unalertedGroups(client: ClientBase, limit = 1000): Promise<ErrorGroupRow[]> {
  const result = await client.query<ErrorGroupRow>(
    `SELECT ${COLUMNS} FROM error_groups
     WHERE occurrences > alerted_occurrences
     ORDER BY (alerted_occurrences = 0
               OR (state = 'regressed' AND (last_alerted_at IS NULL OR last_alerted_at < regressed_at))) DESC,
              occurrences - alerted_occurrences DESC
     LIMIT $1`,
    [limit],
  );
  return result.rows;
}

export async function markAlerted(
  client: ClientBase,
  fingerprints: readonly string[],
  at: Date,
): Promise<void> {
  await client.query(
    `UPDATE error_groups SET alerted_occurrences = occurrences, last_alerted_at = $2
     WHERE fingerprint = ANY($1)`,
    [fingerprints, at],
  );
}

/** Staff mark a group fixed; if it occurs again it is `regressed` and alerted at once. */
export async function resolveErrorGroup(
  pool: Pool,
  fingerprint: string,
  at: Date = new Date(),
): Promise<boolean> {
  const result = await pool.query(
    `UPDATE error_groups SET state = 'resolved', resolved_at = $2
     WHERE fingerprint = $1 AND state <> 'resolved'`,
    [fingerprint, at],
  );
  return (result.rowCount ?? 0) > 0;
}

/** The groups, most recently seen first (for the Support Tool and operators). */
export async function listErrorGroups(pool: Pool, limit = 50): Promise<ErrorGroupRow[]> {
  const result = await pool.query<ErrorGroupRow>(
    `SELECT ${COLUMNS} FROM error_groups ORDER BY last_seen_at DESC LIMIT $1`,
    [limit],
  );
  return result.rows;
}
