import { Injectable } from '@nestjs/common';
import { isUuid, Prisma } from '@dailies/db';
import { Db } from '../../shared/db';
import { notFound } from '../../shared/errors';
import { encodeCursor, Page, PageRequest } from '../../shared/pagination';
import {
  CommentRow,
  CommentThreadView,
  CommentView,
  toCommentThreadView,
  toCommentView,
} from '../views/comment.view';
import {
  commentCursorKey,
  commentsAfter,
  CommentSort,
  decodeCommentCursor,
} from './comment-cursor';

/** Who reads: likedByMe is theirs; private comments only reach insiders. */
export interface CommentViewer {
  userId: string | null;
  insider: boolean;
}

/**
 * Loads comments as views in few round trips: every column a view needs (author and completer
 * names, like count, the viewer's like, mentions with names) comes from one SQL statement per
 * set of rows — a page of threads costs two statements, whatever its size. Deleted comments
 * (kept for the legacy /v1 contract) never show.
 */
@Injectable()
export class CommentReader {
  /** One page of an asset's top-level comments, each with its replies (oldest first). */
  async threads(
    db: Db,
    assetId: string,
    viewer: CommentViewer,
    sort: CommentSort,
    page: PageRequest,
  ): Promise<Page<CommentThreadView>> {
    const after = decodeCommentCursor(page.cursor, sort);
    const order =
      sort === 'frame'
        ? Prisma.sql`c.frame ASC NULLS LAST, c.created_at ASC, c.id ASC`
        : Prisma.sql`c.created_at ASC, c.id ASC`;
    const rows = await this.select(
      db,
      viewer,
      Prisma.sql`c.asset_id = ${assetId}::uuid AND c.parent_id IS NULL
        AND (${viewer.insider}::boolean OR NOT c.private) AND ${commentsAfter(after)}`,
      order,
      page.limit + 1,
    );
    const hasMore = rows.length > page.limit;
    const top = hasMore ? rows.slice(0, page.limit) : rows;
    const replies = await this.repliesOf(
      db,
      top.map((r) => r.id),
      viewer,
    );
    const last = top[top.length - 1];
    return {
      data: top.map((r) => toCommentThreadView(r, replies.get(r.id) ?? [])),
      nextCursor: hasMore && last ? encodeCursor(commentCursorKey(last, sort)) : null,
    };
  }

  /** One comment the viewer may see: a top-level one with its replies, a reply alone. */
  async one(db: Db, commentId: string, viewer: CommentViewer): Promise<CommentView | null> {
    const [row] = await this.select(db, viewer, Prisma.sql`c.id = ${commentId}::uuid`);
    if (!row) return null;
    if (row.parentId) return toCommentView(row);
    const replies = await this.repliesOf(db, [row.id], viewer);
    return toCommentThreadView(row, replies.get(row.id) ?? []);
  }

  /** `one` for a comment the caller may see (a concurrent delete makes it not found). */
  async existing(db: Db, commentId: string, viewer: CommentViewer): Promise<CommentView> {
    const view = await this.one(db, commentId, viewer);
    if (!view) throw notFound('Comment');
    return view;
  }

  private async repliesOf(
    db: Db,
    parentIds: string[],
    viewer: CommentViewer,
  ): Promise<Map<string, CommentRow[]>> {
    const byParent = new Map<string, CommentRow[]>();
    if (parentIds.length === 0) return byParent;
    const rows = await this.select(
      db,
      viewer,
      Prisma.sql`c.parent_id = ANY(${parentIds}::uuid[]) AND (${viewer.insider}::boolean OR NOT c.private)`,
      Prisma.sql`c.created_at ASC, c.id ASC`,
    );
    for (const row of rows) {
      const parentId = row.parentId ?? '';
      byParent.set(parentId, [...(byParent.get(parentId) ?? []), row]);
    }
    return byParent;
  }

  private select(
    db: Db,
    viewer: CommentViewer,
    where: Prisma.Sql,
    orderBy: Prisma.Sql = Prisma.sql`c.created_at ASC, c.id ASC`,
    limit?: number,
  ): Promise<CommentRow[]> {
    const me = viewer.userId && isUuid(viewer.userId) ? viewer.userId : null;
    return db.$queryRaw<CommentRow[]>`
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
                WHERE m.comment_id = c.id), '[]'::json) AS "mentions"
      FROM comments c
      LEFT JOIN users author ON author.id = c.author_id
      LEFT JOIN users completer ON completer.id = c.completed_by_id
      WHERE c.deleted_at IS NULL AND ${where}
      ORDER BY ${orderBy}
      ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}::int`}`;
  }
}
