import { Injectable } from '@nestjs/common';
import { ConsumerDirectory } from './consumer-directory';
import { EventRuntime } from './event-runtime';

export interface ReplayRange {
  /** Inclusive: events that occurred at or after this time. */
  from: Date;
  /** Exclusive: events that occurred before this time. */
  to: Date;
}

// One chunk of the range, in outbox order: schedule a delivery for each event the consumer
// subscribes to, unless one is already pending or dead (ON CONFLICT: a dead one is redriven,
// not replayed). Reports the last position seen, to continue after it.
const REPLAY_CHUNK_SQL = `
WITH chunk AS (
  SELECT e.id, e.position, e.subject_type, e.subject_id
  FROM events e
  WHERE e.occurred_at >= $2 AND e.occurred_at < $3 AND e.position > $4::bigint
    AND ($5::text[] IS NULL OR e.name = ANY($5::text[]))
  ORDER BY e.position
  LIMIT $6
), scheduled AS (
  INSERT INTO event_deliveries (event_id, consumer, event_position, subject_type, subject_id)
  SELECT c.id, $1, c.position, c.subject_type, c.subject_id FROM chunk c
  ON CONFLICT (event_id, consumer) DO NOTHING
  RETURNING 1
)
SELECT (SELECT count(*) FROM scheduled)::int AS scheduled,
       (SELECT count(*) FROM chunk)::int AS seen,
       (SELECT max(position) FROM chunk)::text AS last_position`;

const CHUNK = 5_000;

/**
 * Re-runs a consumer over the stored events of a time range: it schedules a delivery of each
 * of them, which the consumer then handles like any other (retries, dead letters, order).
 * Consumers are idempotent by event id, so events they have already handled have no second
 * effect — a replay fills gaps (a consumer added later, a bug that skipped events). A consumer
 * that must redo its effects (e.g. rebuilding a projection) clears its own state and its
 * processed-event markers for the range first.
 */
@Injectable()
export class EventReplay {
  constructor(
    private readonly runtime: EventRuntime,
    private readonly directory: ConsumerDirectory,
  ) {}

  /** Returns how many deliveries were scheduled. */
  async replay(consumer: string, range: ReplayRange): Promise<number> {
    const entry = this.directory.get(consumer);
    if (!entry) throw new Error(`Unknown consumer "${consumer}"`);
    if (!(range.from.getTime() < range.to.getTime())) return 0;
    const names = entry.settings.events === '*' ? null : [...entry.settings.events];
    let after = '0';
    let scheduled = 0;
    for (;;) {
      const [row] = await this.runtime.store.query<{
        scheduled: number;
        seen: number;
        last_position: string | null;
      }>(REPLAY_CHUNK_SQL, [consumer, range.from, range.to, after, names, CHUNK]);
      scheduled += row.scheduled;
      if (row.seen < CHUNK || row.last_position === null) break;
      after = row.last_position;
      // Let the consumer start on what is scheduled while the rest is written.
      this.runtime.wake([consumer]);
    }
    if (scheduled > 0) {
      this.runtime.wake([consumer]);
      await this.runtime.store.announce([consumer]);
    }
    return scheduled;
  }
}
