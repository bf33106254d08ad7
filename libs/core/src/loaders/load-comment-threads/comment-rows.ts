import { isUuid, Prisma } from '@dailies/db';
import { Db } from '../../shared/db';
import { CommentRow } from '../../projects/views/comment.view';

/**
 * Comment rows with everything their views need (author and completer names, likes, the
 * viewer's like, mentions) in one statement for any number of rows — the columns of
 * CommentReader, with an optional per-asset window so many assets' first pages come at once.
 */
export function selectCommentRows(
  db: Db,
  viewerId: string | null,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  perAssetLimit?: number,
): Promise<CommentRow[]> {
  const me = viewerId && isUuid(viewerId) ? viewerId : null;
  const rank =
    perAssetLimit === undefined
      ? Prisma.sql`0`
      : Prisma.sql`row_number() OVER (PARTITION BY c.asset_id ORDER BY ${orderBy})`;
  // Windowed: each asset's first rows, in rank order; else every row in `orderBy` order.
  const outerOrder =
    perAssetLimit === undefined
      ? Prisma.sql`ORDER BY c."sortKey"`
      : Prisma.sql`WHERE c."rank" <= ${perAssetLimit}::int ORDER BY c."assetId", c."rank"`;
  return db.$queryRaw<CommentRow[]>`
    SELECT * FROM (
      SELECT c.id::text AS "id", c.asset_id::text AS "assetId", c.project_id::text AS "projectId",
             c.parent_id::text AS "parentId", c.author_id::text AS "authorId",
             c.author_name AS "authorName", author.name AS "authorUserName",
             c.text, c.frame, c.duration_frames AS "durationFrames", c.annotation,
             c.private, c.completed_at AS "completedAt",
             c.completed_by_id::text AS "completedById", completer.name AS "completedByName",
             c.edited_at AS "editedAt", c.legacy_id AS "legacyId",
             c.created_at AS "createdAt", c.updated_at AS "updatedAt",
             (SELECT count(*) FROM comment_likes l WHERE l.comment_id = c.id)::int AS "likeCount",
             (${me}::uuid IS NOT NULL AND EXISTS (
                SELECT 1 FROM comment_likes l
                WHERE l.comment_id = c.id AND l.user_id = ${me}::uuid)) AS "likedByMe",
             COALESCE((
                SELECT json_agg(json_build_object('userId', u.id, 'name', u.name)
                                ORDER BY u.name, u.id)
                FROM comment_mentions m JOIN users u ON u.id = m.user_id
                WHERE m.comment_id = c.id), '[]'::json) AS "mentions",
             ${rank} AS "rank",
             row_number() OVER (ORDER BY ${orderBy}) AS "sortKey"
      FROM comments c
      LEFT JOIN users author ON author.id = c.author_id
      LEFT JOIN users completer ON completer.id = c.completed_by_id
      WHERE c.deleted_at IS NULL AND ${where}
    ) c
    ${outerOrder}`;
}
