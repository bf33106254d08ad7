import { Prisma } from '@dailies/db';

/** A uuid given as a value (a parameter) or as an SQL expression (a column of a batched read). */
export type UuidOperand = string | null | Prisma.Sql;

const uuidOf = (operand: UuidOperand): Prisma.Sql =>
  operand instanceof Prisma.Sql ? Prisma.sql`(${operand})` : Prisma.sql`${operand}::uuid`;

/** The live comments of signed-in authors: the predicate of comments_live_asset_author_id_idx. */
const LIVE_AUTHORED = Prisma.sql`c.deleted_at IS NULL AND c.author_id IS NOT NULL`;

/**
 * The user ids that follow an asset: its creator and everyone who commented on it (signed-in
 * authors only; anonymous reviewers have no inbox). A version stack is followed through its
 * versions too. `before`: only comments older than this one (UUIDv7 ids sort by time).
 *
 * Cost: O(distinct authors), not O(comments). PostgreSQL has no skip scan, so the distinct
 * authors are walked by hand (a recursive CTE: from each followed asset's first author, the
 * next larger author_id, one index probe each) on the partial index
 * comments_live_asset_author_id_idx (asset_id, author_id, id); each author found is then kept
 * if their oldest live comment (the first id under that author in the index) is older than
 * `before`: one more probe. We chose this over a followers table kept by the planner because it
 * needs no second copy of the truth to keep in step with comment deletes/restores and author
 * removals (and the exact "older than this comment" cut falls out of the ids); its write cost is
 * one more index entry per comment. EXPLAIN figures: docs/benchmarks.md (issue 17).
 */
export function followersOf(asset: UuidOperand, before: UuidOperand): Prisma.Sql {
  const assetId = uuidOf(asset);
  const beforeId = uuidOf(before);
  return Prisma.sql`ARRAY(
    WITH RECURSIVE followed AS (
      SELECT f.id, f.creator_id FROM assets f
      WHERE f.id = ${assetId}
         OR (f.parent_id = ${assetId}
             AND EXISTS (SELECT 1 FROM assets s
                         WHERE s.id = ${assetId} AND s.type = 'version_stack'))
    ), authors(asset_id, author_id) AS (
      SELECT followed.id,
             (SELECT c.author_id FROM comments c
              WHERE c.asset_id = followed.id AND ${LIVE_AUTHORED}
              ORDER BY c.author_id LIMIT 1)
      FROM followed
      UNION ALL
      SELECT a.asset_id,
             (SELECT c.author_id FROM comments c
              WHERE c.asset_id = a.asset_id AND ${LIVE_AUTHORED} AND c.author_id > a.author_id
              ORDER BY c.author_id LIMIT 1)
      FROM authors a WHERE a.author_id IS NOT NULL
    )
    SELECT creator_id FROM followed WHERE creator_id IS NOT NULL
    UNION
    SELECT a.author_id FROM authors a
    WHERE a.author_id IS NOT NULL
      AND (${beforeId} IS NULL
           OR (SELECT c.id FROM comments c
               WHERE c.asset_id = a.asset_id AND c.author_id = a.author_id AND ${LIVE_AUTHORED}
               ORDER BY c.id LIMIT 1) < ${beforeId})
  )::text[]`;
}
