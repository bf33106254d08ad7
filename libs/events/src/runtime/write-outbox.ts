import { Prisma, Tx } from '@dailies/db';
import type { StoredEvent } from '../event-registry';
import type { ConsumerDirectory } from './consumer-directory';

/**
 * The outbox write as two CTEs (`inserted`, `recorded`): the events and their delivery rows (one
 * per event and subscribed consumer). Rows for the fast path are leased to the committing runtime
 * from the start (counted from clock_timestamp(), not the transaction's start), so after commit it
 * can run them without a claim; the others are announced after commit (DeliveryAnnouncer: a
 * NOTIFY in the transaction would serialise commits). `guard` (a WHERE clause) can make the
 * events depend on another CTE of the same statement.
 */
export function outboxCtes(plan: OutboxPlan, guard: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const { events, eventIds, consumers, leased, owner, leaseMs } = plan.rows;
  return Prisma.sql`inserted AS (
  INSERT INTO events (id, name, schema_version, occurred_at, actor, account_id, team_id,
    project_id, subject_type, subject_id, payload, request_id, ip)
  SELECT id, name, schema_version, occurred_at, actor, account_id, team_id, project_id,
    subject_type, subject_id, payload, request_id, ip
  FROM jsonb_populate_recordset(NULL::events, ${events}::jsonb)
  ${guard}
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
)`;
}

/**
 * The outbox statement's parameters for some events, whom the fast path is leased to and whom
 * to announce after commit.
 */
export interface OutboxPlan {
  /** The statement's values: the events, their delivery rows (columns), the fast path's lease. */
  readonly rows: {
    /** The events as a JSON array of rows keyed by column. */
    readonly events: string;
    /** One entry per delivery row, in the same order in all three. */
    readonly eventIds: readonly string[];
    readonly consumers: readonly string[];
    readonly leased: readonly boolean[];
    readonly owner: string | null;
    readonly leaseMs: number;
  };
  /** The runtime the fast-path deliveries are leased to, or null when none are. */
  readonly leasedBy: string | null;
  /** The consumers whose deliveries wait for a claim: announced once the change commits. */
  readonly announce: { readonly from: string | null; readonly consumers: readonly string[] };
}

/**
 * The events as rows, their delivery rows (one per event and subscribed consumer: leased to the
 * committing runtime for the fast path, else announced after commit).
 */
export function planOutbox(
  events: readonly StoredEvent[],
  directory: ConsumerDirectory | undefined,
): OutboxPlan {
  const lease = directory?.fastPath ?? null;
  const eventIds: string[] = [];
  const consumers: string[] = [];
  const leased: boolean[] = [];
  const announced = new Set<string>();
  for (const event of events) {
    for (const { settings } of directory?.subscribersOf(event.name) ?? []) {
      // Ordered consumers always claim, so that the claim can check per-aggregate order.
      const fastPath = lease !== null && !settings.orderedBySubject;
      eventIds.push(event.id);
      consumers.push(settings.name);
      leased.push(fastPath);
      if (!fastPath) announced.add(settings.name);
    }
  }
  return {
    rows: {
      events: JSON.stringify(events.map(toColumns)),
      eventIds,
      consumers,
      leased,
      owner: lease?.owner ?? null,
      leaseMs: lease?.leaseMs ?? 0,
    },
    leasedBy: leased.includes(true) ? (lease?.owner ?? null) : null,
    announce: { from: lease?.owner ?? null, consumers: [...announced] },
  };
}

/**
 * Writes a transaction's events to the outbox with their delivery rows. Returns the plan: whom
 * the fast-path deliveries are leased to and whom to announce once the transaction commits.
 */
export async function writeOutbox(
  tx: Tx,
  events: readonly StoredEvent[],
  directory: ConsumerDirectory | undefined,
): Promise<OutboxPlan> {
  const plan = planOutbox(events, directory);
  // Data-modifying CTEs run to completion whether or not the outer query reads them.
  await tx.$executeRaw(Prisma.sql`WITH ${outboxCtes(plan)} SELECT 1`);
  return plan;
}

/** The row as jsonb_populate_recordset reads it: keyed by column name. */
function toColumns(event: StoredEvent) {
  return {
    id: event.id,
    name: event.name,
    schema_version: event.schemaVersion,
    occurred_at: event.occurredAt.toISOString(),
    actor: event.actor,
    account_id: event.accountId,
    team_id: event.teamId,
    project_id: event.projectId,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    payload: event.payload,
    request_id: event.requestId,
    ip: event.ip,
  };
}
