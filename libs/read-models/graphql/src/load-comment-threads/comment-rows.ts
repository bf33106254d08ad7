import { Prisma } from '@dailies/db';
import { Db, COMMENT_JOINS, commentColumns, CommentRow } from '@dailies/core/read-support';

/**
 * Comment rows with everything their views need (author and completer names, likes, the
 * viewer's like, mentions) in one statement for any number of rows — the columns of
 * CommentReader, with an optional per-asset window so many assets' first pages come at once.
 */
export function selectCommentRows(
  db: Db,
  viewerId: string | null,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  perAssetLimit?: number,
): Promise<CommentRow[]> {
  const rank =
    perAssetLimit === undefined
      ? Prisma.sql`0`
      : Prisma.sql`row_number() OVER (PARTITION BY c.asset_id ORDER BY ${orderBy})`;
  // Windowed: each asset's first rows, in rank order; else every row in `orderBy` order.
  const outerOrder =
    perAssetLimit === undefined
      ? Prisma.sql`ORDER BY c."sortKey"`
      : Prisma.sql`WHERE c."rank" <= ${perAssetLimit}::int ORDER BY c."assetId", c."rank"`;
  return db.$queryRaw<CommentRow[]>`
    SELECT * FROM (
      SELECT ${commentColumns(viewerId)},
             ${rank} AS "rank",
             row_number() OVER (ORDER BY ${orderBy}) AS "sortKey"
      ${COMMENT_JOINS}
      WHERE c.deleted_at IS NULL AND ${where}
    ) c
    ${outerOrder}`;
}
