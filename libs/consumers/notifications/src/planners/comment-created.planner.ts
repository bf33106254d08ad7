import { addRecipients, NotificationPlan } from '../notification-plan';
import { notificationText } from '../notification-text';
import { commentCreatedPayload, projectIdOf, readPayload } from '../event-payloads';
import { actorIdOf, Planner } from './planner';

/**
 * A comment or reply: the asset's followers and the project's collaborators (the people invited
 * to review it) hear of it ('comment'), the parent's author of a
 * reply ('reply'), whoever is mentioned ('mention'). Through a review link (an anonymous
 * reviewer) it goes to the link's creator and the asset's creator instead ('review_comment').
 */
export const planCommentCreated: Planner = async (_db, event, reads) => {
  const payload = readPayload(commentCreatedPayload, event);
  const commentId = event.subject.id;
  // One read for all comment.created deliveries running together (CoalescingLoader).
  const facts = await reads.commentFacts.load({
    assetId: payload.assetId,
    commentId,
    parentId: payload.parentId,
    reviewLinkId: payload.reviewLinkId,
  });
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
