import { frameRate } from '@dailies/media';
import { Asset, isUuid, Prisma, PreparedStatements } from '@dailies/db';
import { Actor } from '@dailies/events';
import { authorNameOf } from './comment-author';
import { MediaTiming } from './comment-timing';

/** The asset a new comment is posted on, as far as the access check and the target need it. */
export type NewCommentAsset = Pick<Asset, 'id' | 'projectId' | 'type' | 'deletedAt'>;

export interface NewCommentContext {
  /** The asset asked for (null: no such asset); check it with ProjectPolicy.requireLoadedAsset. */
  asset: NewCommentAsset | null;
  /** A version stack's head version (see commentTargetOf), else null. */
  headVersionId: string | null;
  /** The target's media timing (null until processing read it): timestamps must lie inside it. */
  timing: MediaTiming | null;
  /** The name kept with the comment: a user's name now, else the actor's display name. */
  authorName: string;
}

interface ContextRow {
  assetId: string | null;
  projectId: string | null;
  type: Asset['type'] | null;
  deletedAt: Date | null;
  headVersionId: string | null;
  frameRateNum: number | null;
  frameRateDen: number | null;
  frameCount: number | null;
  userName: string | null;
}

/**
 * Everything a new comment reads, in one prepared statement: the asset (for the access check,
 * which ProjectPolicy.requireLoadedAsset makes exactly as requireAsset would: project and access
 * facts come from its cache or its own read), a version stack's head version (commentTargetOf's
 * rule), the target's media timing and the author's name (known before the write, so that the
 * event carries it and the comment and its event go in one statement). Nothing here is shown
 * to the caller before the access check passes. No statement for an id that is not a uuid.
 */
export async function newCommentContextOf(
  statements: PreparedStatements,
  assetId: string,
  actor: Actor,
): Promise<NewCommentContext> {
  const userId = actor.type === 'user' ? actor.id : null;
  if (!isUuid(assetId)) {
    return {
      asset: null,
      headVersionId: null,
      timing: null,
      authorName: authorNameOf(actor, null),
    };
  }
  const [row] = await statements.query<ContextRow>(Prisma.sql`
    WITH asked AS (
      SELECT a.id, a.project_id, a.type, a.deleted_at,
             CASE WHEN a.type = 'version_stack' THEN
               (SELECT h.id FROM assets h
                WHERE h.parent_id = a.id AND h.type = 'file' AND h.deleted_at IS NULL
                ORDER BY h.version DESC, h.id DESC LIMIT 1)
             END AS head_id
      FROM assets a WHERE a.id = ${assetId}::uuid
    )
    SELECT asked.id::text AS "assetId", asked.project_id::text AS "projectId",
           asked.type::text AS "type", asked.deleted_at AS "deletedAt",
           asked.head_id::text AS "headVersionId",
           m.frame_rate_num AS "frameRateNum", m.frame_rate_den AS "frameRateDen",
           m.frame_count AS "frameCount",
           (SELECT u.name FROM users u WHERE u.id = ${userId}::uuid) AS "userName"
    FROM (SELECT 1) AS one
    LEFT JOIN asked ON true
    LEFT JOIN asset_media m
      ON m.asset_id = CASE WHEN asked.type = 'file' THEN asked.id ELSE asked.head_id END`);
  const asset =
    row?.assetId && row.projectId && row.type
      ? { id: row.assetId, projectId: row.projectId, type: row.type, deletedAt: row.deletedAt }
      : null;
  const timing =
    row?.frameRateNum && row.frameRateDen && row.frameCount != null
      ? { rate: frameRate(row.frameRateNum, row.frameRateDen), frameCount: row.frameCount }
      : null;
  return {
    asset,
    headVersionId: row?.headVersionId ?? null,
    timing,
    authorName: authorNameOf(actor, row?.userName ?? null),
  };
}
