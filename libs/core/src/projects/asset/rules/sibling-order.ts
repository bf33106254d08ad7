import { Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';

// Custom order among siblings: `sort_order` is a sparse bigint (gaps of SORT_STEP), so putting an
// asset between two others usually writes one row; only when two neighbours are adjacent
// integers is the parent's whole child list renumbered, in one UPDATE. Ties (e.g. migrated rows
// that all have 0) are broken by id, everywhere the order is read or renumbered.

export const SORT_STEP = 1024n;

/**
 * The key for a new sibling between `before` and `after` (null: no neighbour on that side), or
 * null when no integer fits between them and the parent's children must be renumbered first.
 * Keys stay positive: the space before the first sibling is (0, first).
 */
export function sortKeyBetween(before: bigint | null, after: bigint | null): bigint | null {
  if (after === null) return (before ?? 0n) + SORT_STEP;
  const low = before ?? 0n;
  if (after - low < 2n) return null;
  return low + (after - low) / 2n;
}

/**
 * A sort key placing a child of `parentId` at `index` (0-based position among the visible
 * siblings once it is there, excluding `excludeId`, the asset being moved; past the end or
 * undefined = the end). The caller must hold the parent's row lock (see lockAssetRows), which is
 * what keeps two concurrent inserts from taking the same gap.
 */
export async function sortKeyFor(
  db: Db,
  parentId: string,
  index: number | undefined,
  excludeId: string | null = null,
): Promise<bigint> {
  const key = await tryKey(db, parentId, index, excludeId);
  if (key !== null) return key;
  await renumberChildren(db, parentId);
  const retried = await tryKey(db, parentId, index, excludeId);
  if (retried === null) throw new Error(`No sort key after renumbering ${parentId}`);
  return retried;
}

async function tryKey(
  db: Db,
  parentId: string,
  index: number | undefined,
  excludeId: string | null,
): Promise<bigint | null> {
  if (index === undefined) {
    // Appending: after every child, trashed ones included (a restore puts them back in place).
    const [row] = await db.$queryRaw<{ max: bigint | null }[]>(Prisma.sql`
      SELECT max(sort_order) AS max FROM assets
      WHERE parent_id = ${parentId}::uuid AND id IS DISTINCT FROM ${excludeId}::uuid`);
    return sortKeyBetween(row?.max ?? null, null);
  }
  // Only the two neighbours around the position are read, however large the folder is.
  const offset = Math.max(index - 1, 0);
  const rows = await db.$queryRaw<{ sort_order: bigint }[]>(Prisma.sql`
    SELECT sort_order FROM assets
    WHERE parent_id = ${parentId}::uuid AND deleted_at IS NULL
      AND id IS DISTINCT FROM ${excludeId}::uuid
    ORDER BY sort_order, id OFFSET ${offset} LIMIT 2`);
  const keys = rows.map((r) => r.sort_order);
  if (index === 0) return sortKeyBetween(null, keys[0] ?? null);
  // Past the end: the same as appending.
  if (keys.length === 0) return tryKey(db, parentId, undefined, excludeId);
  return sortKeyBetween(keys[0], keys[1] ?? null);
}

/** Spreads the parent's children out again (1024, 2048, …), keeping their order. */
export async function renumberChildren(db: Db, parentId: string): Promise<void> {
  const step = Prisma.raw(String(SORT_STEP));
  await db.$executeRaw(Prisma.sql`
    UPDATE assets AS a SET sort_order = r.rn * ${step}
    FROM (SELECT id, row_number() OVER (ORDER BY sort_order, id) AS rn
          FROM assets WHERE parent_id = ${parentId}::uuid) AS r
    WHERE a.id = r.id AND a.sort_order <> r.rn * ${step}`);
}

/** The asset's 0-based position among its visible siblings (what `index` means in a move). */
export async function positionOf(
  db: Db,
  asset: { id: string; parentId: string | null; sortOrder: bigint },
): Promise<number> {
  if (asset.parentId === null) return 0;
  const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM assets
    WHERE parent_id = ${asset.parentId}::uuid AND deleted_at IS NULL
      AND (sort_order, id) < (${asset.sortOrder}::bigint, ${asset.id}::uuid)`);
  return row?.n ?? 0;
}
