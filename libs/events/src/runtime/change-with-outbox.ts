import { Prisma } from '@dailies/db';
import type { OutboxPlan } from './write-outbox';

/**
 * A change that fits in one SQL statement. Sent together with its events' outbox rows as one
 * statement, it needs no interactive transaction: PostgreSQL runs a single statement atomically
 * (every CTE or none), so the change and its events still commit together — in one round trip
 * instead of BEGIN, change, outbox, COMMIT.
 */
export interface OneStatementChange {
  /**
   * One data-modifying statement with RETURNING (`INSERT … RETURNING …`); its rows are the
   * result. No rows means nothing changed: then no event is written either (a guard in its
   * WHERE clause can refuse a change without a read before it).
   */
  readonly change: Prisma.Sql;
  /** More data-modifying statements in the same statement; they may read the rows of `change`. */
  readonly alongside?: readonly Prisma.Sql[];
}

/**
 * The change, its companions and the outbox write (events and delivery rows: the same rows as
 * WRITE_OUTBOX_SQL) as one statement of CTEs, answering the change's rows. The events are
 * written only if the change returned a row; the caller announces the deliveries after commit.
 */
export function changeWithOutbox(change: OneStatementChange, plan: OutboxPlan): Prisma.Sql {
  const [events, eventIds, consumers, leased, owner, leaseMs] = plan.values;
  const alongside = (change.alongside ?? []).map(
    (sql, i) => Prisma.sql`, ${Prisma.raw(`alongside_${i + 1}`)} AS (${sql})`,
  );
  return Prisma.sql`
WITH change AS (${change.change})${alongside.length ? Prisma.join(alongside, '') : Prisma.empty},
inserted AS (
  INSERT INTO events (id, name, schema_version, occurred_at, actor, account_id, team_id,
    project_id, subject_type, subject_id, payload, request_id, ip)
  SELECT id, name, schema_version, occurred_at, actor, account_id, team_id, project_id,
    subject_type, subject_id, payload, request_id, ip
  FROM jsonb_populate_recordset(NULL::events, ${events}::jsonb)
  WHERE EXISTS (SELECT 1 FROM change)
  RETURNING id, position, subject_type, subject_id
), recorded AS (
  INSERT INTO event_deliveries
    (event_id, consumer, event_position, subject_type, subject_id, attempts, locked_by, locked_until)
  SELECT e.id, t.consumer, e.position, e.subject_type, e.subject_id,
         CASE WHEN t.leased THEN 1 ELSE 0 END,
         CASE WHEN t.leased THEN ${owner}::text END,
         CASE WHEN t.leased THEN clock_timestamp() + ${leaseMs}::int * interval '1 millisecond' END
  FROM unnest(${eventIds}::uuid[], ${consumers}::text[], ${leased}::boolean[])
         AS t(event_id, consumer, leased)
  JOIN inserted e ON e.id = t.event_id
)
SELECT change.* FROM change`;
}
