import { frameRate } from '@dailies/media';
import { Prisma, PreparedStatements } from '@dailies/db';
import { Actor } from '@dailies/events';
import { authorNameOf } from './comment-author';
import { MediaTiming } from './comment-timing';

export interface NewCommentContext {
  /** The media's timing (null until processing read it): timestamps must lie inside it. */
  timing: MediaTiming | null;
  /** The name kept with the comment: a user's name now, else the actor's display name. */
  authorName: string;
}

interface ContextRow {
  frameRateNum: number | null;
  frameRateDen: number | null;
  frameCount: number | null;
  userName: string | null;
}

/**
 * What a new comment needs besides the access check, in one prepared read: the target's media
 * timing and the author's name (known before the write, so that the event carries it and the
 * comment and its event go in one statement). The same facts `mediaTimingOf` and
 * `commentAuthorOf` read, in one round trip instead of two.
 */
export async function newCommentContextOf(
  statements: PreparedStatements,
  targetId: string,
  actor: Actor,
): Promise<NewCommentContext> {
  const userId = actor.type === 'user' ? actor.id : null;
  const [row] = await statements.query<ContextRow>(Prisma.sql`
    SELECT m.frame_rate_num AS "frameRateNum", m.frame_rate_den AS "frameRateDen",
           m.frame_count AS "frameCount",
           (SELECT u.name FROM users u WHERE u.id = ${userId}::uuid) AS "userName"
    FROM (SELECT 1) AS one LEFT JOIN asset_media m ON m.asset_id = ${targetId}::uuid`);
  const timing =
    row?.frameRateNum && row.frameRateDen && row.frameCount != null
      ? { rate: frameRate(row.frameRateNum, row.frameRateDen), frameCount: row.frameCount }
      : null;
  return { timing, authorName: authorNameOf(actor, row?.userName ?? null) };
}
