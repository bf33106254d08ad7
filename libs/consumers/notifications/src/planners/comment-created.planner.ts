import { Prisma } from '@dailies/db';
import { addRecipients, NotificationPlan } from '../notification-plan';
import { notificationText } from '../notification-text';
import { commentCreatedPayload, projectIdOf, readPayload } from '../event-payloads';
import { followersOf } from './followers.sql';
import { actorIdOf, Planner } from './planner';

interface Facts {
  asset_name: string;
  asset_creator_id: string | null;
  follower_ids: string[];
  collaborator_ids: string[];
  parent_author_id: string | null;
  link_creator_id: string | null;
  link_name: string | null;
}

/**
 * A comment or reply: the asset's followers and the project's collaborators (the people invited
 * to review it) hear of it ('comment'), the parent's author of a
 * reply ('reply'), whoever is mentioned ('mention'). Through a review link (an anonymous
 * reviewer) it goes to the link's creator and the asset's creator instead ('review_comment').
 */
export const planCommentCreated: Planner = async (db, event) => {
  const payload = readPayload(commentCreatedPayload, event);
  const commentId = event.subject.id;
  const [facts] = await db.$queryRaw<Facts[]>(Prisma.sql`
    SELECT a.name AS asset_name,
           a.creator_id::text AS asset_creator_id,
           ${followersOf(payload.assetId, commentId)} AS follower_ids,
           ARRAY(SELECT pc.user_id::text FROM project_collaborators pc
                 WHERE pc.project_id = a.project_id) AS collaborator_ids,
           (SELECT pc.author_id::text FROM comments pc
            WHERE pc.id = ${payload.parentId}::uuid) AS parent_author_id,
           rl.created_by_id::text AS link_creator_id,
           rl.name AS link_name
    FROM assets a
    LEFT JOIN review_links rl ON rl.id = ${payload.reviewLinkId}::uuid
    WHERE a.id = ${payload.assetId}::uuid`);
  if (!facts) return null;
  const recipients: NotificationPlan['recipients'] = new Map();
  if (payload.reviewLinkId && !payload.authorId) {
    addRecipients(recipients, [facts.link_creator_id, facts.asset_creator_id], 'review_comment');
  } else {
    addRecipients(recipients, [...facts.follower_ids, ...facts.collaborator_ids], 'comment');
  }
  if (payload.parentId) addRecipients(recipients, [facts.parent_author_id], 'reply');
  addRecipients(recipients, payload.mentions, 'mention');
  return {
    projectId: projectIdOf(event),
    accountId: event.accountId,
    assetId: payload.assetId,
    commentId,
    actor: { id: payload.authorId ?? actorIdOf(event.actor), name: payload.authorName },
    insidersOnly: payload.private,
    recipients,
    text: (kind) =>
      notificationText(kind, {
        actorName: payload.authorName,
        assetName: facts.asset_name,
        excerpt: payload.textExcerpt,
        reviewLinkName: facts.link_name,
      }),
  };
};
