import { Prisma } from '@dailies/db';

export interface NewComment {
  id: string;
  assetId: string;
  projectId: string;
  accountId: string;
  text: string;
  frame: number | null;
  durationFrames: number | null;
  annotation: unknown;
  private: boolean;
}

/**
 * The INSERT of a top-level comment, answering the row in Prisma's shape (plain SQL: it is sent
 * with its event in one statement, see UnitOfWork.runInOneStatement). The author's name is kept
 * with the comment (their name at the time); given, or else read by the INSERT itself.
 */
export function newCommentSql(
  row: NewComment,
  author: { authorId: string | null; authorName: string | null },
): Prisma.Sql {
  const annotation =
    row.annotation === undefined || row.annotation === null ? null : JSON.stringify(row.annotation);
  return Prisma.sql`
    INSERT INTO comments (id, asset_id, project_id, account_id, author_id, author_name, text,
                          frame, duration_frames, annotation, private)
    VALUES (${row.id}::uuid, ${row.assetId}::uuid, ${row.projectId}::uuid, ${row.accountId}::uuid,
            ${author.authorId}::uuid,
            COALESCE(${author.authorName}::text,
                     (SELECT u.name FROM users u WHERE u.id = ${author.authorId}::uuid), ''),
            ${row.text}, ${row.frame}::int, ${row.durationFrames}::int, ${annotation}::jsonb,
            ${row.private})
    RETURNING id, asset_id AS "assetId", project_id AS "projectId", account_id AS "accountId",
              parent_id AS "parentId", author_id AS "authorId", author_name AS "authorName",
              review_link_id AS "reviewLinkId", text, frame, duration_frames AS "durationFrames",
              annotation, private, completed_at AS "completedAt",
              completed_by_id AS "completedById", edited_at AS "editedAt",
              deleted_at AS "deletedAt", legacy_id AS "legacyId", created_at AS "createdAt",
              updated_at AS "updatedAt"`;
}

/** The mentions of a new comment, inserted in the same statement as the comment (reads `change`). */
export function newCommentMentionsSql(userIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO comment_mentions (comment_id, user_id)
    SELECT change.id, m.user_id FROM change, unnest(${[...userIds]}::uuid[]) AS m(user_id)`;
}
