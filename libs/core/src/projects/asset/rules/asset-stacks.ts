import { Prisma } from '@dailies/db';
import { EventRecorder } from '@dailies/events';
import { Db } from '../../../shared/db';
import { AssetMoved, AssetStackDissolved } from '../asset.events';
import { AssetEventBase, assetSubject } from './asset-scope';
import { positionOf, SORT_STEP } from './sibling-order';

// Version stacks: a stack's live children are its versions, numbered 1..n without gaps (and
// their sort keys follow the numbers, so listing a stack's children lists its versions). The
// highest number is the head, which the stack presents.

export interface StackRow {
  id: string;
  parentId: string | null;
  sortOrder: bigint;
  creatorId: string | null;
}

/** Ids of the stack's live versions, in version order. */
export async function liveVersionIds(db: Db, stackId: string): Promise<string[]> {
  const rows = await db.asset.findMany({
    where: { parentId: stackId, deletedAt: null },
    select: { id: true },
    orderBy: [{ version: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => r.id);
}

/** Numbers the given versions 1..n in this order, in one UPDATE. */
export async function writeVersionOrder(db: Db, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  const step = Prisma.raw(String(SORT_STEP));
  await db.$executeRaw(Prisma.sql`
    UPDATE assets AS a SET version = x.n, sort_order = x.n * ${step}
    FROM unnest(${[...orderedIds]}::uuid[]) WITH ORDINALITY AS x(id, n)
    WHERE a.id = x.id`);
}

/**
 * Copies the head's media facts onto the stack row, so that filters (`?status=`) and other
 * readers of the row see what the stack presents. Its filesize stays 0 on purpose: summing
 * filesize over assets must never count a file twice.
 */
export async function syncStackHead(db: Db, stackId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    UPDATE assets AS s
    SET status = h.status, filetype = h.filetype, duration = h.duration, fps = h.fps,
        frames = h.frames, updated_at = now()
    FROM (SELECT status, filetype, duration, fps, frames FROM assets
          WHERE parent_id = ${stackId}::uuid AND deleted_at IS NULL
          ORDER BY version DESC, id DESC LIMIT 1) AS h
    WHERE s.id = ${stackId}::uuid`);
}

/**
 * After a version left the stack (moved out or trashed): renumber the rest; a stack left with a
 * single version dissolves into it. Returns the id of the file that replaced the stack, if so.
 */
export async function settleStack(
  db: Db,
  stack: StackRow,
  events: EventRecorder,
  base: AssetEventBase,
): Promise<string | null> {
  const remaining = await liveVersionIds(db, stack.id);
  if (remaining.length === 1) {
    await dissolveStack(db, stack, remaining[0], events, base);
    return remaining[0];
  }
  await writeVersionOrder(db, remaining);
  await syncStackHead(db, stack.id);
  return null;
}

/**
 * Replaces a stack by its last version: the file takes the stack's parent and place; what hung
 * on the stack (its trashed versions, comments, review-link shares) moves to where a user would
 * look for it, then the stack row goes.
 */
async function dissolveStack(
  db: Db,
  stack: StackRow,
  fileId: string,
  events: EventRecorder,
  base: AssetEventBase,
): Promise<void> {
  if (stack.parentId === null) throw new Error(`Stack ${stack.id} has no parent`);
  const file = await db.asset.update({
    where: { id: fileId },
    data: { parentId: stack.parentId, sortOrder: stack.sortOrder, version: 1 },
    select: { creatorId: true },
  });
  // Trashed versions follow the file, so a later restore lands where the stack was.
  await db.asset.updateMany({ where: { parentId: stack.id }, data: { parentId: stack.parentId } });
  await db.comment.updateMany({ where: { assetId: stack.id }, data: { assetId: fileId } });
  await db.$executeRaw(Prisma.sql`
    UPDATE review_link_items AS i SET asset_id = ${fileId}::uuid
    WHERE i.asset_id = ${stack.id}::uuid
      AND NOT EXISTS (SELECT 1 FROM review_link_items d
                      WHERE d.review_link_id = i.review_link_id AND d.asset_id = ${fileId}::uuid)`);
  await db.asset.delete({ where: { id: stack.id } });
  const index = await positionOf(db, {
    id: fileId,
    parentId: stack.parentId,
    sortOrder: stack.sortOrder,
  });
  events.record(
    new AssetMoved({
      ...base,
      subject: assetSubject(fileId),
      payload: {
        fromParentId: stack.id,
        toParentId: stack.parentId,
        index,
        creatorId: file.creatorId,
      },
    }),
    new AssetStackDissolved({
      ...base,
      subject: assetSubject(stack.id),
      payload: { remainingAssetId: fileId, parentId: stack.parentId },
    }),
  );
}
