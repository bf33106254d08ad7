import { Prisma } from '@dailies/db';
import { addRecipients, NotificationPlan } from '../notification-plan';
import { notificationText } from '../notification-text';
import { assetVersionedPayload, projectIdOf, readPayload } from '../event-payloads';
import { followersOf } from './followers.sql';
import { actorIdOf, actorNameOf, Planner } from './planner';

interface Facts {
  stack_name: string;
  project_name: string;
  follower_ids: string[];
  actor_name: string | null;
}

/** A new version: whoever follows the stack (its versions' creators and commenters) hears of it. */
export const planAssetVersioned: Planner = async (db, event) => {
  const payload = readPayload(assetVersionedPayload, event);
  const [facts] = await db.$queryRaw<Facts[]>(Prisma.sql`
    SELECT s.name AS stack_name, p.name AS project_name,
           ${followersOf(payload.stackId, null)} AS follower_ids,
           (SELECT u.name FROM users u WHERE u.id = ${actorIdOf(event.actor)}::uuid) AS actor_name
    FROM assets s
    JOIN projects p ON p.id = s.project_id
    WHERE s.id = ${payload.stackId}::uuid`);
  if (!facts) return null;
  const recipients: NotificationPlan['recipients'] = new Map();
  addRecipients(recipients, facts.follower_ids, 'version');
  const actorName = actorNameOf(event.actor, facts.actor_name);
  return {
    projectId: projectIdOf(event),
    accountId: event.accountId,
    assetId: payload.versionAssetId,
    commentId: null,
    actor: { id: actorIdOf(event.actor), name: actorName },
    insidersOnly: false,
    recipients,
    text: (kind) =>
      notificationText(kind, {
        actorName,
        assetName: facts.stack_name,
        projectName: facts.project_name,
        version: payload.version,
      }),
  };
};
