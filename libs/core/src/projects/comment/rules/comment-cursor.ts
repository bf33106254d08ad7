import { isUuid, Prisma } from '@dailies/db';
import { validationFailed } from '../../../shared/errors';
import { decodeCursor } from '../../../shared/pagination';
import { CommentRow } from '../views/comment.view';

// Keyset cursors of comment lists: the sort key of the last top-level comment of a page.

/** frame: timeline order (comments without a frame last); time: posting order. */
export type CommentSort = 'frame' | 'time';

const MAX_FRAME = 2_147_483_647;

/** Exactly the ISO form cursors carry (anything else could fail as a PostgreSQL timestamp). */
function isIssuedTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

interface CommentKey {
  /** -1 stands for "no frame" (frames are never negative). */
  frame?: number;
  createdAt: string;
  id: string;
}

export function commentCursorKey(row: CommentRow, sort: CommentSort): (string | number)[] {
  const time = [row.createdAt.toISOString(), row.id];
  return sort === 'frame' ? [row.frame ?? -1, ...time] : time;
}

export function decodeCommentCursor(
  cursor: string | undefined,
  sort: CommentSort,
): CommentKey | null {
  const key = decodeCursor(cursor, sort === 'frame' ? 3 : 2);
  if (!key) return null;
  const [frame, createdAt, id] = sort === 'frame' ? key : [undefined, ...key];
  // The cursor goes into SQL as typed parameters: anything else than what we issued is refused.
  const valid =
    isIssuedTime(createdAt) &&
    typeof id === 'string' &&
    isUuid(id) &&
    (sort === 'time' ||
      (Number.isInteger(frame) && Number(frame) >= -1 && Number(frame) <= MAX_FRAME));
  if (!valid) {
    throw validationFailed(
      [{ field: 'cursor', message: 'is not a cursor of this list and sort order' }],
      'The cursor is not valid',
    );
  }
  return { frame: sort === 'frame' ? Number(frame) : undefined, createdAt, id };
}

/** The rows after the cursor, in the order of the sort the cursor came from. */
export function commentsAfter(after: CommentKey | null): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  const timeAfter = Prisma.sql`(c.created_at, c.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`;
  if (after.frame === undefined) return timeAfter;
  if (after.frame === -1) return Prisma.sql`(c.frame IS NULL AND ${timeAfter})`;
  return Prisma.sql`(c.frame IS NULL OR c.frame > ${after.frame}::int
    OR (c.frame = ${after.frame}::int AND ${timeAfter}))`;
}
