import { Comment, Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';

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
 * Inserts a top-level comment. For a signed-in author the name kept with the comment (their name
 * at the time) is read by the INSERT itself — one round trip where Prisma's `create` needs a
 * separate read of the user first (this runs on every comment, the busiest write). Plain SQL for
 * that reason; the row comes back in Prisma's shape.
 */
export async function insertComment(
  db: Db,
  row: NewComment,
  /** A user's id (their name is read by the INSERT), or no id and the name to keep. */
  author: { authorId: string; authorName?: undefined } | { authorId: null; authorName: string },
): Promise<Comment> {
  const annotation =
    row.annotation === undefined || row.annotation === null ? null : JSON.stringify(row.annotation);
  const [comment] = await db.$queryRaw<Comment[]>(Prisma.sql`
    INSERT INTO comments (id, asset_id, project_id, account_id, author_id, author_name, text,
                          frame, duration_frames, annotation, private)
    VALUES (${row.id}::uuid, ${row.assetId}::uuid, ${row.projectId}::uuid, ${row.accountId}::uuid,
            ${author.authorId}::uuid,
            COALESCE(${author.authorName ?? null}::text,
                     (SELECT u.name FROM users u WHERE u.id = ${author.authorId}::uuid), ''),
            ${row.text}, ${row.frame}::int, ${row.durationFrames}::int, ${annotation}::jsonb,
            ${row.private})
    RETURNING id, asset_id AS "assetId", project_id AS "projectId", account_id AS "accountId",
              parent_id AS "parentId", author_id AS "authorId", author_name AS "authorName",
              review_link_id AS "reviewLinkId", text, frame, duration_frames AS "durationFrames",
              annotation, private, completed_at AS "completedAt",
              completed_by_id AS "completedById", edited_at AS "editedAt",
              deleted_at AS "deletedAt", legacy_id AS "legacyId", created_at AS "createdAt",
              updated_at AS "updatedAt"`);
  return comment;
}
