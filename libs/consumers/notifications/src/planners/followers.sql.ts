import { Prisma } from '@dailies/db';

/** A uuid given as a value (a parameter) or as an SQL expression (a column of a batched read). */
export type UuidOperand = string | null | Prisma.Sql;

const uuidOf = (operand: UuidOperand): Prisma.Sql =>
  operand instanceof Prisma.Sql ? Prisma.sql`(${operand})` : Prisma.sql`${operand}::uuid`;

/**
 * The user ids that follow an asset: its creator and everyone who commented on it (signed-in
 * authors only; anonymous reviewers have no inbox). A version stack is followed through its
 * versions too. `before`: only comments older than this one (UUIDv7 ids sort by time).
 */
export function followersOf(asset: UuidOperand, before: UuidOperand): Prisma.Sql {
  const assetId = uuidOf(asset);
  const beforeId = uuidOf(before);
  return Prisma.sql`ARRAY(
    WITH followed AS (
      SELECT f.id, f.creator_id FROM assets f
      WHERE f.id = ${assetId}
         OR (f.parent_id = ${assetId}
             AND EXISTS (SELECT 1 FROM assets s
                         WHERE s.id = ${assetId} AND s.type = 'version_stack'))
    )
    SELECT creator_id FROM followed WHERE creator_id IS NOT NULL
    UNION
    SELECT c.author_id FROM comments c JOIN followed ON c.asset_id = followed.id
    WHERE c.author_id IS NOT NULL AND c.deleted_at IS NULL
      AND (${beforeId} IS NULL OR c.id < ${beforeId})
  )::text[]`;
}
