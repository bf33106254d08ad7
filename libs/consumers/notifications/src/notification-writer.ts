import { Prisma, PrismaService } from '@dailies/db';
import { EmailCadence, NotificationKind } from '@dailies/core';

/** One person's notification of one event, as decided by the consumer. */
export interface NotificationRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  /** False: e-mail only (stored as already read, see EMAIL_ONLY_READ_AT). */
  inApp: boolean;
  email: { cadence: Exclude<EmailCadence, 'never'>; sendAfter: Date } | null;
}

export interface NotificationEnvelope {
  eventId: string;
  accountId: string | null;
  projectId: string | null;
  assetId: string | null;
  commentId: string | null;
  actorId: string | null;
  actorName: string;
}

/**
 * Stores the notifications of one event and their e-mails in ONE statement, keyed by (user,
 * event): a redelivered event inserts nothing, and a crash cannot leave a notification without
 * its e-mail. Answers the ids of the rows inserted now, for push.
 */
export async function writeNotifications(
  db: PrismaService,
  envelope: NotificationEnvelope,
  rows: readonly NotificationRow[],
  emailOnlyReadAt: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map((r) => ({
    id: r.id,
    user_id: r.userId,
    kind: r.kind,
    title: r.title,
    body: r.body,
    read_at: r.inApp ? null : emailOnlyReadAt.toISOString(),
    cadence: r.email?.cadence ?? null,
    send_after: r.email?.sendAfter.toISOString() ?? null,
  }));
  const inserted = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(
        id uuid, user_id uuid, kind text, title text, body text, read_at timestamptz,
        cadence text, send_after timestamptz)
    ), ins AS (
      INSERT INTO notifications (id, user_id, event_id, kind, account_id, project_id, asset_id,
                                 comment_id, actor_id, actor_name, title, body, read_at)
      SELECT r.id, r.user_id, ${envelope.eventId}::uuid, r.kind, ${envelope.accountId}::uuid,
             ${envelope.projectId}::uuid, ${envelope.assetId}::uuid, ${envelope.commentId}::uuid,
             ${envelope.actorId}::uuid, ${envelope.actorName}, r.title, r.body, r.read_at
      FROM r
      ON CONFLICT (user_id, event_id) DO NOTHING
      RETURNING id, read_at
    ), mail AS (
      INSERT INTO notification_emails (notification_id, user_id, cadence, send_after)
      SELECT r.id, r.user_id, r.cadence, r.send_after
      FROM r JOIN ins ON ins.id = r.id
      WHERE r.cadence IS NOT NULL
    )
    SELECT ins.id::text AS id FROM ins WHERE ins.read_at IS NULL`);
  return new Set(inserted.map((row) => row.id));
}
