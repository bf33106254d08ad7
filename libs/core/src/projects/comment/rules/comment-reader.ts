import { Injectable } from '@nestjs/common';
import { Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';
import { notFound } from '../../../shared/errors';
import { encodeCursor, Page, PageRequest } from '../../../shared/pagination';
import { COMMENT_JOINS, commentColumns } from './comment-columns.sql';
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
    return db.$queryRaw<CommentRow[]>`
      SELECT ${commentColumns(viewer.userId)}
      ${COMMENT_JOINS}
      WHERE c.deleted_at IS NULL AND ${where}
      ORDER BY ${orderBy}
      ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}::int`}`;
  }
}
