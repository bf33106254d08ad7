import { AssetType, Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';

export interface LockedAsset {
  id: string;
  type: AssetType;
  parent_id: string | null;
  deleted_at: Date | null;
}

/**
 * Locks asset rows for the rest of the transaction, always in id order so that two commands
 * locking overlapping sets cannot deadlock. Returns the rows as they are once locked (a row that
 * another transaction trashed meanwhile comes back with deleted_at set). NO KEY UPDATE conflicts
 * with itself but not with the key-share locks that foreign keys take, so comments can still be
 * added to a folder while its children are being reordered.
 */
export async function lockAssetRows(db: Db, ids: readonly string[]): Promise<LockedAsset[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.$queryRaw<LockedAsset[]>(Prisma.sql`
    SELECT id::text, type, parent_id::text, deleted_at FROM assets
    WHERE id = ANY(${unique}::uuid[]) ORDER BY id FOR NO KEY UPDATE`);
}

/**
 * Serialises changes to the shape of one project's tree (moves, trash, restore, stacks): two
 * concurrent moves could otherwise each pass the "not into its own subtree" check and together
 * make a cycle. Plain creates do not take it; they only lock their parent row. Taken before any
 * row lock, always.
 */
export async function lockProjectTree(db: Db, projectId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    SELECT pg_advisory_xact_lock(hashtextextended(${`asset-tree:${projectId}`}, 0))`);
}
