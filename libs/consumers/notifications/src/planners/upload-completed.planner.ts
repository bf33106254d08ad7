import { Prisma } from '@dailies/db';
import { addRecipients, NotificationPlan } from '../notification-plan';
import { notificationText } from '../notification-text';
import { projectIdOf, readPayload, uploadCompletedPayload } from '../event-payloads';
import { actorIdOf, actorNameOf, Planner } from './planner';

interface Facts {
  asset_name: string;
  project_name: string;
  project_owner_id: string | null;
  parent_creator_id: string | null;
  actor_name: string | null;
}

/** A finished upload: the creator of the folder it landed in and the project's owner hear of it. */
export const planUploadCompleted: Planner = async (db, event) => {
  const payload = readPayload(uploadCompletedPayload, event);
  if (payload.status === 'failed') return null;
  const assetId = event.subject.id;
  const [facts] = await db.$queryRaw<Facts[]>(Prisma.sql`
    SELECT a.name AS asset_name, p.name AS project_name,
           p.owner_id::text AS project_owner_id,
           parent.creator_id::text AS parent_creator_id,
           (SELECT u.name FROM users u WHERE u.id = ${actorIdOf(event.actor)}::uuid) AS actor_name
    FROM assets a
    JOIN projects p ON p.id = a.project_id
    LEFT JOIN assets parent ON parent.id = a.parent_id
    WHERE a.id = ${assetId}::uuid`);
  if (!facts) return null;
  const recipients: NotificationPlan['recipients'] = new Map();
  addRecipients(recipients, [facts.parent_creator_id, facts.project_owner_id], 'upload');
  const actorName = actorNameOf(event.actor, facts.actor_name);
  return {
    projectId: projectIdOf(event),
    accountId: event.accountId,
    assetId,
    commentId: null,
    actor: { id: actorIdOf(event.actor), name: actorName },
    insidersOnly: false,
    recipients,
    text: (kind) =>
      notificationText(kind, {
        actorName,
        assetName: facts.asset_name,
        projectName: facts.project_name,
      }),
  };
};
