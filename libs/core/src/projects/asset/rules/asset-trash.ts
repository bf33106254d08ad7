import { Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';

// The trash: every asset of a trashed subtree carries the trash time and the id of the asset
// the user trashed (trash_root_id), so restoring that asset clears exactly these marks, and a
// part of the subtree trashed earlier keeps its own marks (and its own restore).

/** The subtree under `rootId` that a trash of `rootId` covers, as a recursive CTE named `sub`. */
const subtreeOf = (rootId: string) => Prisma.sql`
  WITH RECURSIVE sub AS (
    SELECT id FROM assets WHERE id = ${rootId}::uuid
    UNION ALL
    SELECT a.id FROM assets a JOIN sub ON a.parent_id = sub.id
    WHERE a.deleted_at IS NULL OR a.trash_root_id = ${rootId}::uuid
  )`;

/**
 * Marks the subtree as trashed. Rows are first locked in id order (with `alsoLock`, e.g. the
 * parent stack), so this cannot deadlock with commands locking a few of them. The marking then
 * repeats until it finds nothing new: a child created in the subtree by a transaction that
 * committed while this one waited for its locks is caught by the next statement's snapshot,
 * and later creators block on the locked parent and then find it trashed.
 */
export async function markTrashed(
  db: Db,
  rootId: string,
  at: Date,
  alsoLock: string[] = [],
): Promise<void> {
  await db.$queryRaw(Prisma.sql`
    ${subtreeOf(rootId)}
    SELECT a.id FROM assets a
    WHERE a.id IN (SELECT id FROM sub) OR a.id = ANY(${alsoLock}::uuid[])
    ORDER BY a.id FOR NO KEY UPDATE OF a`);
  for (;;) {
    const marked = await db.$executeRaw(Prisma.sql`
      ${subtreeOf(rootId)}
      UPDATE assets SET deleted_at = ${at}, trash_root_id = ${rootId}::uuid
      WHERE id IN (SELECT id FROM sub) AND deleted_at IS NULL`);
    if (marked === 0) return;
  }
}

/** Locks everything trashed under `trashRootId` (and `alsoLock`), in id order. */
export async function lockTrashed(
  db: Db,
  trashRootId: string,
  alsoLock: string[] = [],
): Promise<void> {
  await db.$queryRaw(Prisma.sql`
    SELECT id FROM assets
    WHERE trash_root_id = ${trashRootId}::uuid OR id = ANY(${alsoLock}::uuid[])
    ORDER BY id FOR NO KEY UPDATE`);
}

/** Clears the marks of exactly one trash operation. */
export async function clearTrashed(db: Db, trashRootId: string): Promise<void> {
  await db.asset.updateMany({
    where: { trashRootId },
    data: { deletedAt: null, trashRootId: null },
  });
}

export const TRASH_RETENTION_DAYS = 30;

export const purgeAfter = (deletedAt: Date): Date =>
  new Date(deletedAt.getTime() + TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000);
