import { Prisma } from '@dailies/db';
import { addRecipients, NotificationPlan } from '../notification-plan';
import { notificationText } from '../notification-text';
import { collaboratorAddedPayload, projectIdOf, readPayload } from '../event-payloads';
import { actorIdOf, actorNameOf, Planner } from './planner';

interface Facts {
  project_name: string;
  actor_name: string | null;
}

/** Added to a project: the added person hears of it. */
export const planCollaboratorAdded: Planner = async (db, event) => {
  const payload = readPayload(collaboratorAddedPayload, event);
  const projectId = projectIdOf(event);
  const [facts] = await db.$queryRaw<Facts[]>(Prisma.sql`
    SELECT p.name AS project_name,
           (SELECT u.name FROM users u WHERE u.id = ${actorIdOf(event.actor)}::uuid) AS actor_name
    FROM projects p WHERE p.id = ${projectId}::uuid`);
  if (!facts) return null;
  const recipients: NotificationPlan['recipients'] = new Map();
  addRecipients(recipients, [payload.userId], 'added_to_project');
  const actorName = actorNameOf(event.actor, facts.actor_name);
  return {
    projectId,
    accountId: event.accountId,
    assetId: null,
    commentId: null,
    actor: { id: actorIdOf(event.actor), name: actorName },
    insidersOnly: false,
    recipients,
    text: (kind) =>
      notificationText(kind, {
        actorName,
        projectName: facts.project_name,
        role: payload.role,
      }),
  };
};
