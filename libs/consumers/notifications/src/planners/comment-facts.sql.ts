import { Prisma, PreparedStatements } from '@dailies/db';
import { CoalescingLoader } from '@dailies/events';
import { followersOf } from './followers.sql';

/** What a new comment's notifications are planned from. */
export interface CommentFacts {
  asset_name: string;
  asset_creator_id: string | null;
  follower_ids: string[];
  collaborator_ids: string[];
  parent_author_id: string | null;
  link_creator_id: string | null;
  link_name: string | null;
}

/** One comment.created event's ask (answers are matched to asks by identity). */
export interface CommentFactsAsk {
  assetId: string;
  commentId: string;
  parentId: string | null;
  reviewLinkId: string | null;
}

export type CommentFactsLoader = CoalescingLoader<CommentFactsAsk, CommentFacts>;

/**
 * The facts of many new comments in one prepared read (one row per ask whose asset exists): the
 * comment planner's read for a batch of deliveries (see CoalescingLoader). The statement's text
 * does not depend on the batch's size, so it is prepared once per connection.
 */
export async function readCommentFacts(
  statements: PreparedStatements,
  asks: readonly CommentFactsAsk[],
): Promise<Map<CommentFactsAsk, CommentFacts>> {
  const rows = await statements.query<CommentFacts & { i: string }>(Prisma.sql`
    SELECT q.i::text AS i,
           a.name AS asset_name,
           a.creator_id::text AS asset_creator_id,
           ${followersOf(Prisma.sql`q.asset_id`, Prisma.sql`q.comment_id`)} AS follower_ids,
           ARRAY(SELECT pc.user_id::text FROM project_collaborators pc
                 WHERE pc.project_id = a.project_id) AS collaborator_ids,
           (SELECT pc.author_id::text FROM comments pc WHERE pc.id = q.parent_id) AS parent_author_id,
           rl.created_by_id::text AS link_creator_id,
           rl.name AS link_name
    FROM unnest(${asks.map((a) => a.assetId)}::uuid[], ${asks.map((a) => a.commentId)}::uuid[],
                ${asks.map((a) => a.parentId)}::uuid[], ${asks.map((a) => a.reviewLinkId)}::uuid[])
         WITH ORDINALITY AS q(asset_id, comment_id, parent_id, link_id, i)
    JOIN assets a ON a.id = q.asset_id
    LEFT JOIN review_links rl ON rl.id = q.link_id`);
  return new Map(rows.map(({ i, ...facts }) => [asks[Number(i) - 1], facts]));
}

/** Reads the facts of the comment.created deliveries that run together in one statement. */
export const commentFactsLoader = (statements: PreparedStatements): CommentFactsLoader =>
  new CoalescingLoader((asks) => readCommentFacts(statements, asks), { maxInFlight: 4 });
