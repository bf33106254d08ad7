import { isUuid, Prisma } from '@dailies/db';

/**
 * The columns of a CommentRow — author and completer names, like count, the viewer's own like,
 * mentions, the file's frame rate — over `comments c` joined to `users author`, `users completer`
 * and `asset_media media` (see
 * COMMENT_JOINS). One definition for every reader of comment threads (REST pages, GraphQL
 * loaders), so a new field reaches all of them.
 */
export function commentColumns(viewerId: string | null): Prisma.Sql {
  const me = viewerId && isUuid(viewerId) ? viewerId : null;
  return Prisma.sql`
    c.id::text AS "id", c.asset_id::text AS "assetId", c.project_id::text AS "projectId",
    c.parent_id::text AS "parentId", c.author_id::text AS "authorId",
    c.author_name AS "authorName", author.name AS "authorUserName",
    c.text, c.frame, c.duration_frames AS "durationFrames", c.annotation,
    media.frame_rate_num AS "frameRateNum", media.frame_rate_den AS "frameRateDen",
    c.private, c.completed_at AS "completedAt",
    c.completed_by_id::text AS "completedById", completer.name AS "completedByName",
    c.edited_at AS "editedAt", c.legacy_id AS "legacyId",
    c.created_at AS "createdAt", c.updated_at AS "updatedAt",
    (SELECT count(*) FROM comment_likes l WHERE l.comment_id = c.id)::int AS "likeCount",
    (${me}::uuid IS NOT NULL AND EXISTS (
       SELECT 1 FROM comment_likes l
       WHERE l.comment_id = c.id AND l.user_id = ${me}::uuid)) AS "likedByMe",
    COALESCE((
       SELECT json_agg(json_build_object('userId', u.id, 'name', u.name) ORDER BY u.name, u.id)
       FROM comment_mentions m JOIN users u ON u.id = m.user_id
       WHERE m.comment_id = c.id), '[]'::json) AS "mentions"`;
}

export const COMMENT_JOINS = Prisma.sql`
  FROM comments c
  LEFT JOIN users author ON author.id = c.author_id
  LEFT JOIN users completer ON completer.id = c.completed_by_id
  LEFT JOIN asset_media media ON media.asset_id = c.asset_id`;
