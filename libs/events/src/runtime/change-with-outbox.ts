import { Prisma } from '@dailies/db';
import { OutboxPlan, outboxCtes } from './write-outbox';

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
 * The change, its companions and the outbox write (outboxCtes: the same rows as a transaction's
 * writeOutbox) as one statement of CTEs, answering the change's rows. The events are written only
 * if the change returned a row; the caller announces the deliveries after commit.
 */
export function changeWithOutbox(change: OneStatementChange, plan: OutboxPlan): Prisma.Sql {
  const alongside = (change.alongside ?? []).map(
    (sql, i) => Prisma.sql`, ${Prisma.raw(`alongside_${i + 1}`)} AS (${sql})`,
  );
  const onlyIfChanged = Prisma.sql`WHERE EXISTS (SELECT 1 FROM change)`;
  return Prisma.sql`
WITH change AS (${change.change})${alongside.length ? Prisma.join(alongside, '') : Prisma.empty},
${outboxCtes(plan, onlyIfChanged)}
SELECT change.* FROM change`;
}
