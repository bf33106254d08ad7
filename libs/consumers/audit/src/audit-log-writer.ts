import { Prisma, PrismaService } from '@dailies/db';
import type { AuditEntryRow } from './audit-entry';

/**
 * Writes a group of entries in one statement (the rows travel as one JSON parameter), skipping
 * event ids already in the log. The request id and IP are taken from the outbox row when the
 * event in hand lacks them: events handed over in memory right after their commit do not carry
 * what UnitOfWork added to the stored row from the request context.
 */
export async function insertAuditEntries(
  prisma: PrismaService,
  rows: readonly AuditEntryRow[],
): Promise<void> {
  await prisma.$executeRaw(Prisma.sql`
    INSERT INTO audit_log (event_id, account_id, action, actor_type, actor_id, actor_detail,
      subject_type, subject_id, team_id, project_id, details, request_id, ip, occurred_at)
    SELECT r.event_id, r.account_id, r.action, r.actor_type, r.actor_id, r.actor_detail,
      r.subject_type, r.subject_id, r.team_id, r.project_id, r.details,
      coalesce(r.request_id, e.request_id), coalesce(r.ip, e.ip), r.occurred_at
    FROM jsonb_to_recordset(${JSON.stringify(rows, withoutNul)}::jsonb) AS r(event_id uuid, account_id uuid,
      action text, actor_type text, actor_id text, actor_detail text, subject_type text,
      subject_id text, team_id uuid, project_id uuid, details jsonb, request_id text, ip text,
      occurred_at timestamptz)
    LEFT JOIN events e ON e.id = r.event_id
    ON CONFLICT (event_id) DO NOTHING`);
}

/** PostgreSQL text and jsonb cannot hold U+0000; it becomes U+FFFD rather than fail the row. */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value;
}
