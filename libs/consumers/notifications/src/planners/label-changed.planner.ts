import { Prisma } from '@dailies/db';
import { addRecipients, NotificationPlan } from '../notification-plan';
import { notificationText } from '../notification-text';
import { labelChangedPayload, projectIdOf, readPayload } from '../event-payloads';
import { followersOf } from './followers.sql';
import { actorIdOf, actorNameOf, Planner } from './planner';

interface Facts {
  asset_name: string;
  project_name: string;
  follower_ids: string[];
  actor_name: string | null;
}

/** A label change: the asset's creator and followers hear of it. */
export const planLabelChanged: Planner = async (db, event) => {
  const payload = readPayload(labelChangedPayload, event);
  const assetId = event.subject.id;
  const [facts] = await db.$queryRaw<Facts[]>(Prisma.sql`
    SELECT a.name AS asset_name, p.name AS project_name,
           ${followersOf(assetId, null)} AS follower_ids,
           (SELECT u.name FROM users u WHERE u.id = ${actorIdOf(event.actor)}::uuid) AS actor_name
    FROM assets a
    JOIN projects p ON p.id = a.project_id
    WHERE a.id = ${assetId}::uuid`);
  if (!facts) return null;
  const recipients: NotificationPlan['recipients'] = new Map();
  addRecipients(recipients, facts.follower_ids, 'label');
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
        label: payload.to,
      }),
  };
};
