import { Injectable } from '@nestjs/common';
import { EventRuntime } from './event-runtime';

export interface DeadLetter {
  consumer: string;
  eventId: string;
  /** Null when the event row has gone. */
  eventName: string | null;
  /** The event's position in the outbox (a bigint, as a string). */
  eventPosition: string;
  subject: { type: string; id: string };
  occurredAt: Date | null;
  attempts: number;
  lastError: string | null;
  /** When the last attempt failed. */
  failedAt: Date | null;
}

export interface DeadLetterPage {
  data: DeadLetter[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  /** 1–500, default 50. */
  limit?: number;
  cursor?: string | null;
}

interface DeadLetterRow {
  consumer: string;
  event_id: string;
  event_position: string;
  subject_type: string;
  subject_id: string;
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  name: string | null;
  occurred_at: Date | null;
}

const LIST_SQL = `
SELECT d.consumer, d.event_id, d.event_position, d.subject_type, d.subject_id, d.attempts,
       d.last_error, d.last_attempt_at, e.name, e.occurred_at
FROM event_deliveries d LEFT JOIN events e ON e.id = d.event_id
WHERE d.state = 'dead' AND ($1::text IS NULL OR d.consumer = $1)
  AND ($2::bigint IS NULL OR (d.event_position, d.consumer) > ($2::bigint, $3::text))
ORDER BY d.event_position, d.consumer
LIMIT $4`;

// A redriven delivery starts over: all its attempts again, due now.
const REDRIVE_SQL = `
UPDATE event_deliveries
SET state = 'pending', attempts = 0, available_at = now(), locked_by = NULL, locked_until = NULL
WHERE consumer = $1 AND state = 'dead' AND ($2::uuid[] IS NULL OR event_id = ANY($2::uuid[]))`;

export class InvalidCursorError extends Error {}

/** Deliveries that used up their attempts: list them, and send them again once fixed. */
@Injectable()
export class DeadLetters {
  constructor(private readonly runtime: EventRuntime) {}

  async listDeadLetters(consumer?: string, page: PageRequest = {}): Promise<DeadLetterPage> {
    const limit = Math.min(500, Math.max(1, Math.trunc(page.limit ?? 50)));
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = await this.runtime.store.query<DeadLetterRow>(LIST_SQL, [
      consumer ?? null,
      after?.position ?? null,
      after?.consumer ?? null,
      limit + 1,
    ]);
    const data = rows.slice(0, limit).map(toDeadLetter);
    const last = data[data.length - 1];
    return {
      data,
      nextCursor:
        rows.length > limit && last ? encodeCursor(last.eventPosition, last.consumer) : null,
    };
  }

  /**
   * Makes dead deliveries of `consumer` pending again (all, or those of the given events), with
   * a fresh set of attempts, and wakes the consumer on every instance. Returns how many.
   */
  async redrive(consumer: string, eventIds: readonly string[] | 'all'): Promise<number> {
    if (eventIds !== 'all' && eventIds.length === 0) return 0;
    const result = await this.runtime.store.pool.query(REDRIVE_SQL, [
      consumer,
      eventIds === 'all' ? null : [...eventIds],
    ]);
    const count = result.rowCount ?? 0;
    if (count > 0) {
      this.runtime.wake([consumer]);
      await this.runtime.store.announce([consumer]);
    }
    return count;
  }
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    consumer: row.consumer,
    eventId: row.event_id,
    eventName: row.name,
    eventPosition: row.event_position,
    subject: { type: row.subject_type, id: row.subject_id },
    occurredAt: row.occurred_at,
    attempts: row.attempts,
    lastError: row.last_error,
    failedAt: row.last_attempt_at,
  };
}

function encodeCursor(position: string, consumer: string): string {
  return Buffer.from(JSON.stringify([position, consumer])).toString('base64url');
}

function decodeCursor(cursor: string): { position: string; consumer: string } {
  try {
    const [position, consumer] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      unknown,
      unknown,
    ];
    if (typeof position === 'string' && /^\d+$/.test(position) && typeof consumer === 'string') {
      return { position, consumer };
    }
  } catch {
    // Reported below.
  }
  throw new InvalidCursorError('Invalid dead-letter cursor');
}
